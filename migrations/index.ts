import * as migration_20261128_063618 from './20261128_063618';
import * as migration_20261128_064534 from './20261128_064534';
import * as migration_20261128_065709 from './20261128_065709';
import * as migration_20261201_202756 from './20261201_202756';
import * as migration_20261201_210030 from './20261201_210030';
import * as migration_20261201_222736 from './20261201_222736';
import * as migration_20261201_230802 from './20261201_230802';
import * as migration_20261201_234613 from './20261201_234613';

export const migrations = [
  {
    up: migration_20261128_063618.up,
    down: migration_20261128_063618.down,
    name: '20261128_063618',
  },
  {
    up: migration_20261128_064534.up,
    down: migration_20261128_064534.down,
    name: '20261128_064534',
  },
  {
    up: migration_20261128_065709.up,
    down: migration_20261128_065709.down,
    name: '20261128_065709',
  },
  {
    up: migration_20261201_202756.up,
    down: migration_20261201_202756.down,
    name: '20261201_202756',
  },
  {
    up: migration_20261201_210030.up,
    down: migration_20261201_210030.down,
    name: '20261201_210030',
  },
  {
    up: migration_20261201_222736.up,
    down: migration_20261201_222736.down,
    name: '20261201_222736',
  },
  {
    up: migration_20261201_230802.up,
    down: migration_20261201_230802.down,
    name: '20261201_230802',
  },
  {
    up: migration_20261201_234613.up,
    down: migration_20261201_234613.down,
    name: '20261201_234613'
  },
];
