/** User name plus IMAP and SMTP host, port and security: the "Server settings" part of the form. */
import { SelectField, TextField } from '../../components/Field';
import type { Security } from '../../../shared/model';
import { useI18n } from '../../i18n/useI18n';
import type { FieldErrors, FormValues } from './accountForm';

interface ServerFieldsProps {
  values: FormValues;
  errors: FieldErrors;
  disabled: boolean;
  setField<K extends keyof FormValues>(name: K, value: FormValues[K]): void;
}

export function ServerFields({ values, errors, disabled, setField }: ServerFieldsProps) {
  const { t } = useI18n();
  const securityOptions = (['tls', 'starttls', 'none'] as const).map((value) => ({ value, label: t(`setup.security.${value}`) }));
  const servers = [
    { kind: 'imap', legend: t('setup.imapLegend'), host: 'imapHost', port: 'imapPort', security: 'imapSecurity' },
    { kind: 'smtp', legend: t('setup.smtpLegend'), host: 'smtpHost', port: 'smtpPort', security: 'smtpSecurity' },
  ] as const;
  return (
    <div className="server-fields">
      <TextField
        label={t('setup.username')}
        value={values.username}
        autoComplete="username"
        spellCheck={false}
        disabled={disabled}
        onChange={(event) => setField('username', event.target.value)}
      />
      {servers.map((server) => (
        <fieldset key={server.kind} className="server-fields__group">
          <legend>{server.legend}</legend>
          <TextField
            className="field--host"
            label={t(server.kind === 'imap' ? 'setup.imapHost' : 'setup.smtpHost')}
            value={values[server.host]}
            error={errors[server.host]}
            spellCheck={false}
            autoCapitalize="off"
            disabled={disabled}
            onChange={(event) => setField(server.host, event.target.value)}
          />
          <TextField
            className="field--port"
            label={t(server.kind === 'imap' ? 'setup.imapPort' : 'setup.smtpPort')}
            value={values[server.port]}
            error={errors[server.port]}
            inputMode="numeric"
            disabled={disabled}
            onChange={(event) => setField(server.port, event.target.value)}
          />
          <SelectField
            className="field--security"
            label={t(server.kind === 'imap' ? 'setup.imapSecurity' : 'setup.smtpSecurity')}
            value={values[server.security]}
            options={securityOptions}
            disabled={disabled}
            onChange={(event) => setField(server.security, event.target.value as Security)}
          />
        </fieldset>
      ))}
    </div>
  );
}
