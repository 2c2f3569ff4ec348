/** Error texts: what happened and what the person can do about it. */
export const errors = {
  'error.invalidInput': 'Postvak rejected the request as invalid. Check the fields and try again.',
  'error.unknownMethod': 'This part of Postvak is out of date. Restart Postvak.',
  'error.unsupported': 'That is not available in this version of Postvak.',
  'error.internal': 'Something went wrong inside Postvak. Try again; if it keeps happening, restart Postvak.',
  'error.accountNotFound': 'That account no longer exists. It may have been removed.',
  'error.accountExists': 'This account has already been added.',
  'error.noPassword': 'Postvak needs the password for this account. Open Settings, edit the account and enter it.',
  'error.tooManyConnections': 'The mail server allows no more connections for this account right now (other devices count too). Postvak uses fewer and tries again by itself.',
  'error.connectionFailed': "Couldn't reach the mail server. Check your internet connection and try again.",
  'error.authFailed': 'The mail server rejected the user name or password. Check them in Settings.',
  'error.offline': 'Lost the connection to Postvak. It reconnects by itself; try again in a moment.',
  'error.messageNotFound': 'This message is no longer on the server. It may have been moved or deleted.',
  'error.serverRefused': 'The mail server refused this. Try again later, or ask your provider.',
  'error.notPermitted': "You don't have permission to do this in this mailbox. Ask its owner for access.",
  'error.tooLarge': 'This is too large for Postvak to open. Open it in your provider’s webmail instead.',
  'error.unknown': 'Something went wrong. Try again.',
  'error.alreadySending': 'It is already being sent and can no longer be taken back.',
  'error.identityNotFound': 'That address is no longer one you can send from. Choose another one under From.',
  'error.invalidIdentityFile': 'This is not an identity file. It must be a JSON file with a list of identities.',
  'error.calendarNotAllowed': 'This mailbox has no calendar yet, and you may not create one. Ask its owner or an administrator to create it.',
  'error.calendarReadOnly': 'You can see this calendar but not change it. Ask the mailbox owner for write access.',
  'error.invalidIcsFile': 'This is not a calendar file. Choose an .ics file (iCalendar).',
  'error.archiveUnavailable': 'This mailbox has no Archive folder, and you may not create one. Ask its owner to create it, or move the messages to another folder.',
  'error.junkUnavailable': 'This mailbox has no Junk folder, and you may not create one. Ask its owner to create it.',
  'error.folderGone': 'That folder no longer exists; someone may have deleted or renamed it. Nothing was moved.',
  'error.noTrash': 'This mailbox has no Trash folder, so nothing was deleted. To remove the messages for good, press Shift+Delete; Postvak asks first.',
  'error.recordNotWritten': 'The other members will not see who deleted it: the note in the Trash could not be saved.',
  'error.withDetail': '{error} ({detail})',

  'connError.dnsNotFound': "Couldn't find the server {host}. Check the server name for typing errors.",
  'connError.tcpRefused': '{host} refused the connection. Check the port and the security setting.',
  'connError.tcpTimeout':
    "{host} didn't answer in time. Check your internet connection, the port, and whether a firewall blocks it.",
  'connError.tlsCertExpired':
    "The server's certificate has expired ({host}). Ask your provider to renew it; Postvak will not connect insecurely.",
  'connError.tlsCertUntrusted':
    "The server's certificate is not trusted ({host}). Ask your provider for a certificate from a recognised authority; Postvak will not connect insecurely.",
  'connError.tlsCertHostname':
    "The server's certificate is for another name than {host}. Check the server name, or ask your provider which name to use.",
  'connError.tlsFailed':
    "Couldn't set up a secure connection with {host}. Check the security setting (TLS or STARTTLS) and the port.",
  'connError.noGreeting': "{host} answered, but not like a mail server. Check the port and the security setting.",
  'connError.authFailed': '{host} rejected the user name or password. Check them and try again.',
  'connError.missingCapability': '{host} lacks a feature Postvak needs. Ask your provider about IMAP support.',
  'connError.unknown': 'Something went wrong while connecting to {host}. Try again.',
} as const;
