/**
 * The core flows against Cyrus IMAP 3.6 as Debian ships it (issue #10 §8): `.` separator, no
 * alternate namespace (info@'s Inbox is `user.info`), a public folder `shared.team`, calendar
 * folders found by name (stock Cyrus refuses /vendor annotations). Polling is off, so new mail
 * can only arrive by IDLE.
 */
import { coreFlows } from './coreFlows';
import { useServer } from './servers';

coreFlows(useServer('cyrus', { pollMs: 600_000, discoveryMs: 600_000 }));
