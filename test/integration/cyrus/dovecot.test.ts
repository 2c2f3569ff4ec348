/**
 * The same core flows as cyrus.test.ts, against Dovecot (issue #10 §8): one test body, both servers.
 */
import { coreFlows } from './coreFlows';
import { useServer } from './servers';

coreFlows(useServer('dovecot', { pollMs: 600_000, discoveryMs: 600_000 }));
