/** The app's one cache database. Tests create their own `PostvakDb` instead. */
import { PostvakDb } from './schema';

export const db = new PostvakDb('postvak');
