/** Error texts: what happened and what the person can do about it. */
import type { Translation } from '../types';

export const errors = {
  'error.invalidInput': 'Postvak heeft het verzoek als ongeldig geweigerd. Controleer de velden en probeer het opnieuw.',
  'error.unknownMethod': 'Een deel van Postvak is verouderd. Start Postvak opnieuw.',
  'error.unsupported': 'Dat kan niet in deze versie van Postvak.',
  'error.internal': 'Er ging iets mis in Postvak. Probeer het opnieuw; blijft het gebeuren, start Postvak dan opnieuw.',
  'error.accountNotFound': 'Dat account bestaat niet meer. Het is misschien verwijderd.',
  'error.accountExists': 'Dit account is al toegevoegd.',
  'error.noPassword': 'Postvak heeft het wachtwoord van dit account nodig. Open Instellingen, bewerk het account en vul het in.',
  'error.tooManyConnections': 'De mailserver staat nu geen extra verbindingen voor dit account toe (andere apparaten tellen mee). Postvak gebruikt er minder en probeert het vanzelf opnieuw.',
  'error.connectionFailed': 'De mailserver is niet bereikbaar. Controleer je internetverbinding en probeer het opnieuw.',
  'error.authFailed': 'De mailserver heeft de gebruikersnaam of het wachtwoord geweigerd. Controleer ze in Instellingen.',
  'error.offline': 'De verbinding met Postvak is verbroken. Die wordt vanzelf hersteld; probeer het zo opnieuw.',
  'error.messageNotFound': 'Dit bericht staat niet meer op de server. Het is misschien verplaatst of verwijderd.',
  'error.serverRefused': 'De mailserver heeft dit geweigerd. Probeer het later opnieuw, of vraag het je provider.',
  'error.notPermitted': 'Je hebt geen toestemming om dit in deze mailbox te doen. Vraag de eigenaar om toegang.',
  'error.tooLarge': 'Dit is te groot voor Postvak om te openen. Open het in de webmail van je provider.',
  'error.unknown': 'Er ging iets mis. Probeer het opnieuw.',
  'error.alreadySending': 'Het wordt al verzonden en kan niet meer worden teruggehaald.',
  'error.identityNotFound': 'Vanaf dat adres kun je niet meer verzenden. Kies een ander adres bij Van.',
  'error.invalidIdentityFile': 'Dit is geen identiteitenbestand. Het moet een JSON-bestand zijn met een lijst identiteiten.',
  'error.calendarNotAllowed': 'Deze mailbox heeft nog geen agenda en je mag er geen maken. Vraag de eigenaar of een beheerder om hem aan te maken.',
  'error.calendarReadOnly': 'Je kunt deze agenda bekijken maar niet wijzigen. Vraag de eigenaar van de mailbox om schrijfrechten.',
  'error.invalidIcsFile': 'Dit is geen agendabestand. Kies een .ics-bestand (iCalendar).',
  'error.archiveUnavailable': 'Deze mailbox heeft geen Archief-map en je mag er geen maken. Vraag de eigenaar hem aan te maken, of verplaats de berichten naar een andere map.',
  'error.junkUnavailable': 'Deze mailbox heeft geen map voor ongewenste mail en je mag er geen maken. Vraag de eigenaar hem aan te maken.',
  'error.folderGone': 'Die map bestaat niet meer; iemand heeft hem misschien verwijderd of hernoemd. Er is niets verplaatst.',
  'error.noTrash': 'Deze mailbox heeft geen prullenbak, dus er is niets verwijderd. Wilt u de berichten definitief verwijderen, druk dan op Shift+Delete; Postvak vraagt het eerst.',
  'error.recordNotWritten': 'De andere leden zien niet wie het heeft verwijderd: de notitie in de prullenbak kon niet worden opgeslagen.',
  'error.withDetail': '{error} ({detail})',

  'connError.dnsNotFound': 'De server {host} is niet gevonden. Controleer de servernaam op typefouten.',
  'connError.tcpRefused': '{host} weigerde de verbinding. Controleer de poort en de beveiligingsinstelling.',
  'connError.tcpTimeout':
    '{host} antwoordde niet op tijd. Controleer je internetverbinding, de poort en of een firewall de verbinding blokkeert.',
  'connError.tlsCertExpired':
    'Het certificaat van de server is verlopen ({host}). Vraag je provider het te vernieuwen; Postvak maakt geen onveilige verbinding.',
  'connError.tlsCertUntrusted':
    'Het certificaat van de server wordt niet vertrouwd ({host}). Vraag je provider om een certificaat van een erkende uitgever; Postvak maakt geen onveilige verbinding.',
  'connError.tlsCertHostname':
    'Het certificaat van de server is voor een andere naam dan {host}. Controleer de servernaam, of vraag je provider welke naam je moet gebruiken.',
  'connError.tlsFailed':
    'Er kon geen beveiligde verbinding met {host} worden opgezet. Controleer de beveiligingsinstelling (TLS of STARTTLS) en de poort.',
  'connError.noGreeting': '{host} antwoordde, maar niet als een mailserver. Controleer de poort en de beveiligingsinstelling.',
  'connError.authFailed': '{host} heeft de gebruikersnaam of het wachtwoord geweigerd. Controleer ze en probeer het opnieuw.',
  'connError.missingCapability': '{host} mist een functie die Postvak nodig heeft. Vraag je provider naar IMAP-ondersteuning.',
  'connError.unknown': 'Er ging iets mis bij het verbinden met {host}. Probeer het opnieuw.',
} satisfies Partial<Translation>;
