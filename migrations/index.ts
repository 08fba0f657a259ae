import * as migration_20261128_063618 from './20261128_063618';
import * as migration_20261128_064534 from './20261128_064534';
import * as migration_20261128_065709 from './20261128_065709';
import * as migration_20261201_202756 from './20261201_202756';
import * as migration_20261201_210030 from './20261201_210030';
import * as migration_20261201_222736 from './20261201_222736';
import * as migration_20261201_231406 from './20261201_231406';
import * as migration_20261202_002827 from './20261202_002827';
import * as migration_20261206_082520 from './20261206_082520';
import * as migration_20261206_091529 from './20261206_091529';
import * as migration_20261206_093918 from './20261206_093918';
import * as migration_20261206_094921 from './20261206_094921';
import * as migration_20261206_111101 from './20261206_111101';
import * as migration_20261206_112229 from './20261206_112229';

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
    up: migration_20261201_231406.up,
    down: migration_20261201_231406.down,
    name: '20261201_231406',
  },
  {
    up: migration_20261202_002827.up,
    down: migration_20261202_002827.down,
    name: '20261202_002827',
  },
  {
    up: migration_20261206_082520.up,
    down: migration_20261206_082520.down,
    name: '20261206_082520',
  },
  {
    up: migration_20261206_091529.up,
    down: migration_20261206_091529.down,
    name: '20261206_091529',
  },
  {
    up: migration_20261206_093918.up,
    down: migration_20261206_093918.down,
    name: '20261206_093918',
  },
  {
    up: migration_20261206_094921.up,
    down: migration_20261206_094921.down,
    name: '20261206_094921',
  },
  {
    up: migration_20261206_111101.up,
    down: migration_20261206_111101.down,
    name: '20261206_111101',
  },
  {
    up: migration_20261206_112229.up,
    down: migration_20261206_112229.down,
    name: '20261206_112229'
  },
];
