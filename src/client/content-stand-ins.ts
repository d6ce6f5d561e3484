/**
 * TEMPORARY stand-ins for `src/content/map.ts` and `src/content/seats.ts` until they land; delete then.
 * Rough lon/lat outlines, good enough to develop the renderer against.
 */
import type { Seat, SpaceId, Theater } from '../content/ids';

type LL = [number, number];
interface StandInSpace {
  id: SpaceId;
  name: string;
  kind: 'sea' | 'land';
  theater: Theater | null;
  polygon: LL[];
  label: LL;
}
const s = (id: SpaceId, name: string, kind: 'sea' | 'land', theater: Theater | null, label: LL, polygon: LL[]): StandInSpace => ({ id, name, kind, theater, polygon, label });

export const MAP: { spaces: StandInSpace[]; links: { a: SpaceId; b: SpaceId; cost: number; kind: 'sea' | 'coast' | 'border' | 'home-port' }[] } = {
  spaces: [
    s('north-atlantic', 'North Atlantic', 'sea', 'euro-atlantic', [-38, 42], [[-62, 20], [-12, 20], [-8, 44], [-14, 60], [-40, 62], [-62, 42]]),
    s('north-sea-baltic', 'North Sea & Baltic', 'sea', 'euro-atlantic', [8, 58], [[-4, 51], [8, 54], [24, 54], [28, 60], [20, 66], [4, 62], [-4, 58]]),
    s('mediterranean', 'Mediterranean', 'sea', 'euro-atlantic', [18, 34.5], [[-5, 36], [10, 37], [30, 31], [36, 35], [25, 40], [12, 44], [0, 40]]),
    s('west-indian-ocean', 'West Indian Ocean', 'sea', 'indian-ocean', [60, -5], [[40, -30], [75, -30], [75, 12], [60, 24], [50, 12], [40, -10]]),
    s('east-indian-ocean', 'East Indian Ocean', 'sea', 'indian-ocean', [92, -12], [[75, -35], [112, -35], [112, -10], [96, 3], [90, 20], [80, 8], [75, 0]]),
    s('malacca', 'Malacca', 'sea', 'south-china-sea', [98, 4], [[94, 7], [97, 1], [103, -3], [104, 1], [100, 7]]),
    s('south-china-sea', 'South China Sea', 'sea', 'south-china-sea', [113, 12], [[105, 3], [110, 0], [120, 5], [121, 18], [117, 22.5], [108, 20], [105, 10]]),
    s('taiwan-strait', 'Taiwan Strait', 'sea', 'taiwan-ecs', [119.3, 24], [[117, 22.8], [120, 21.8], [121, 25], [120, 26.5], [118, 25.5]]),
    s('east-china-sea', 'East China Sea', 'sea', 'taiwan-ecs', [125.5, 29], [[121, 26], [123.5, 24.5], [130, 28], [129, 33], [126, 34], [121, 32]]),
    s('sea-of-japan', 'Sea of Japan', 'sea', 'korea', [134, 40], [[129.5, 35.5], [133, 35.7], [140, 40], [141, 46], [136, 46], [129.5, 41]]),
    s('western-pacific', 'Western Pacific', 'sea', 'taiwan-ecs', [142, 22], [[124, 6], [145, 5], [160, 10], [160, 38], [143, 36], [135, 30], [125, 23], [123, 15]]),
    s('southwest-pacific', 'Southwest Pacific', 'sea', null, [168, -25], [[155, -5], [180, -5], [180, -46], [160, -46], [155, -26]]),
    s('east-pacific', 'East Pacific', 'sea', null, [200, 28], [[163, 10], [235, 10], [242, 30], [233, 48], [200, 50], [163, 40]]),
    s('nato-europe', 'NATO Europe', 'land', 'euro-atlantic', [10, 49], [[-9, 43], [3, 43], [15, 46], [24, 48], [24, 54], [14, 54], [9, 51.5], [-2, 48]]),
    s('north-sea-ports', 'North Sea ports', 'land', 'euro-atlantic', [5.5, 52.8], [[3, 51], [9, 53.4], [8.5, 55], [4, 53.5]]),
    s('mediterranean-ports', 'Mediterranean ports', 'land', 'euro-atlantic', [13, 40.5], [[10, 38], [16, 38], [18, 40], [14, 42.5], [9, 44]]),
    s('ukraine', 'Ukraine', 'land', 'euro-atlantic', [32, 49.5], [[24, 48], [40, 47.5], [40, 52], [30, 52], [24, 51]]),
    s('russia', 'Russia', 'land', null, [85, 60], [[30, 52], [60, 50], [90, 50], [130, 45], [135, 52], [140, 60], [100, 70], [40, 68], [30, 60]]),
    s('india', 'India', 'land', 'indian-ocean', [78, 21], [[68, 23], [78, 8], [88, 22], [92, 26], [80, 33], [72, 32]]),
    s('malaysia-singapore', 'Malaysia–Singapore', 'land', 'south-china-sea', [102.5, 3.5], [[100, 6.5], [104, 1.3], [103.5, 4], [102, 6.5]]),
    s('asean-claimants', 'ASEAN claimants', 'land', 'south-china-sea', [105, 16], [[100, 12], [109, 12], [109, 21.5], [102, 22]]),
    s('taiwan', 'Taiwan', 'land', 'taiwan-ecs', [121, 23.7], [[120, 22], [121.8, 24], [121.5, 25.3], [120.2, 23.5]]),
    s('china', 'China', 'land', null, [105, 33], [[75, 40], [95, 30], [110, 21.5], [117, 23], [121, 31], [122, 40], [130, 43], [125, 50], [110, 45], [90, 45]]),
    s('japan', 'Japan', 'land', 'taiwan-ecs', [138, 37], [[130, 31], [135, 33.5], [141, 37], [142, 45], [140, 42], [134, 35], [129, 33.5]]),
    s('south-korea', 'South Korea', 'land', 'korea', [127.8, 36.2], [[126, 34.5], [129.5, 35], [129, 37.8], [126.5, 37.7]]),
    s('north-korea', 'North Korea', 'land', 'korea', [127, 40], [[124.5, 38], [128.5, 38.3], [130, 42.5], [126, 42], [124.5, 40]]),
    s('australia-nz', 'Australia–NZ', 'land', null, [134, -25], [[114, -22], [130, -12], [143, -11], [153, -26], [150, -37], [140, -38], [116, -35]]),
    s('us-east', 'US East', 'land', null, [-75, 39], [[-79.5, 30], [-79.5, 45], [-67, 45], [-75, 37]]),
    s('us-west', 'US West', 'land', null, [239, 40], [[235, 32], [243, 32], [243, 49], [236, 48]]),
  ],
  links: [
    { a: 'north-atlantic', b: 'west-indian-ocean', cost: 2, kind: 'sea' },
    { a: 'us-east', b: 'us-west', cost: 1, kind: 'home-port' },
  ],
};

export const SEAT_STYLE: Record<Seat, { name: string; colour: number; glyph: string; shape: 'circle' | 'square' | 'diamond' | 'triangle' }> = {
  china: { name: 'China', colour: 0xd55e00, glyph: 'C', shape: 'diamond' },
  nato: { name: 'NATO', colour: 0x0072b2, glyph: 'N', shape: 'circle' },
  japan: { name: 'Japan', colour: 0xcc79a7, glyph: 'J', shape: 'square' },
  korea: { name: 'South Korea', colour: 0x009e73, glyph: 'K', shape: 'triangle' },
};
