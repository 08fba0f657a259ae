import * as migration_20261128_061954 from './20261128_061954';

export const migrations = [
  {
    up: migration_20261128_061954.up,
    down: migration_20261128_061954.down,
    name: '20261128_061954'
  },
];
