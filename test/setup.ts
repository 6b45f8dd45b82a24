// Unit tests run Dexie over fake-indexeddb; zod runs jitless as in the extension.
import 'fake-indexeddb/auto';
import { z } from 'zod';
z.config({ jitless: true });
