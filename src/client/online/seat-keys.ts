/**
 * What this browser holds for online matches, in localStorage: each joined seat's credentials (to
 * rejoin after a reload), the creator token of the matches it created, and the last name used.
 * Credentials never leave this browser except in a seat-key link the player copies on purpose.
 */
export interface HeldSeat {
  credentials: string;
  name: string;
}

const seatKey = (matchID: string, playerID: string) => `eat:seat:${matchID}:${playerID}`;
const creatorKey = (matchID: string) => `eat:creator:${matchID}`;

function read<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export const seatKeys = {
  seat: (matchID: string, playerID: string): HeldSeat | null => read<HeldSeat>(seatKey(matchID, playerID)),
  keepSeat: (matchID: string, playerID: string, seat: HeldSeat): void =>
    localStorage.setItem(seatKey(matchID, playerID), JSON.stringify(seat)),
  forgetSeat: (matchID: string, playerID: string): void => localStorage.removeItem(seatKey(matchID, playerID)),
  /** The seats of `matchID` this browser holds (playerIDs). */
  seatsIn: (matchID: string): string[] => {
    const out: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      const m = k && /^eat:seat:([^:]+):(\d+)$/.exec(k);
      if (m && m[1] === matchID) out.push(m[2]!);
    }
    return out.sort();
  },
  creatorToken: (matchID: string): string | null => read<string>(creatorKey(matchID)),
  keepCreatorToken: (matchID: string, token: string): void =>
    localStorage.setItem(creatorKey(matchID), JSON.stringify(token)),
  lastName: (): string => read<string>('eat:name') ?? '',
  keepName: (name: string): void => localStorage.setItem('eat:name', JSON.stringify(name)),
};
