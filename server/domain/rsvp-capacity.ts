/**
 * Seats at one occurrence of an alumni session. An RSVP takes 1 + family members seats; when they
 * do not fit, or someone is already waiting, it joins the waitlist (first come, first served).
 */
export interface OccurrenceLoad {
  /** Null: the room has no cap. */
  readonly capacity: number | null;
  readonly confirmedSeats: number;
  readonly waitlisted: number;
}

export type SeatDecision = { readonly status: 'confirmed' } | { readonly status: 'waitlisted'; readonly position: number };

export function decideSeat(load: OccurrenceLoad, seats: number): SeatDecision {
  if (load.capacity === null) return { status: 'confirmed' };
  // Nobody jumps the queue: a small party does not pass a larger one already waiting.
  if (load.waitlisted === 0 && load.confirmedSeats + seats <= load.capacity) return { status: 'confirmed' };
  return { status: 'waitlisted', position: load.waitlisted + 1 };
}

export interface WaitingRsvp {
  readonly id: string;
  readonly seats: number;
}

/** After a cancellation: the waitlisted RSVPs (in queue order) that now fit, stopping at the first that does not. */
export function promotable(capacity: number | null, confirmedSeats: number, queue: readonly WaitingRsvp[]): string[] {
  const promoted: string[] = [];
  let seatsTaken = confirmedSeats;
  for (const waiting of queue) {
    if (capacity !== null && seatsTaken + waiting.seats > capacity) break;
    seatsTaken += waiting.seats;
    promoted.push(waiting.id);
  }
  return promoted;
}
