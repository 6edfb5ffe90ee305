/**
 * A booklet folded and read, as data. The sheets lie open flat at the middle,
 * nested (sheet 0 at the bottom), back side up. Each half of a sheet is a
 * leaf; the reader closes the book onto the side opposite the spine, then
 * turns one leaf at a time across the spine and reads the spread in their
 * script's order. The result is every page number in the order it is read.
 */
import type { Size } from '../../scripts/impose/geometry.ts';
import type { Binding, Duplex, Side, Slot } from '../../scripts/impose/plan.ts';

interface Leaf {
  up: number;
  down: number;
}

const flip = (leaf: Leaf): Leaf => ({ up: leaf.down, down: leaf.up });

/**
 * How a side looks after the sheet is turned over like a book page. A printer
 * that flips on the long edge turns the back side over the other way, so its
 * image reaches the reader turned 180° more: undo that here.
 */
export function asTurnedLikeABook(side: Side, duplex: Duplex, sheet: Size): Slot[] {
  if (side.name === 'front' || duplex === 'short') return side.slots;
  return side.slots.map((slot) => ({
    ...slot,
    turn: ((slot.turn + 180) % 360) as 0 | 180,
    cell: {
      ...slot.cell,
      x: sheet.width - slot.cell.x - slot.cell.width,
      y: sheet.height - slot.cell.y - slot.cell.height,
    },
  }));
}

/** What the reader sees at each opening: the left page and the right page (none beside a cover). */
export interface Opening {
  left?: number | undefined;
  right?: number | undefined;
}

/** The sheets' sides (front and back, as turned like a book), folded and leafed through. */
export function foldAndOpen(sheets: readonly (readonly [Slot[], Slot[]])[], sheetWidth: number, binding: Binding): Opening[] {
  const half = sheetWidth / 2;
  const at = (slots: Slot[], x: number) => {
    const slot = slots.find((s) => s.cell.x === x);
    if (slot === undefined) throw new Error(`no slot at x = ${x}`);
    return slot.position;
  };
  // Open flat: the back's left half lies over the front's right half, its right half over the front's left.
  const left: Leaf[] = sheets.map(([front, back]) => ({ up: at(back, 0), down: at(front, half) }));
  const right: Leaf[] = sheets.map(([front, back]) => ({ up: at(back, half), down: at(front, 0) }));
  // Closed with the spine on the binding edge, the leaves lie on the other side of it.
  const [closedOn, turnTo] = binding === 'left' ? [right, left] : [left, right];
  while (turnTo.length > 0) closedOn.push(flip(turnTo.pop() as Leaf));

  const openings: Opening[] = [];
  const look = () => openings.push({ left: left.at(-1)?.up, right: right.at(-1)?.up });
  look();
  while (closedOn.length > 0) {
    turnTo.push(flip(closedOn.pop() as Leaf));
    look();
  }
  return openings;
}

/** Every page in the order a reader of the binding's script reads the openings: left page first when bound on the left. */
export function readingOrder(openings: readonly Opening[], binding: Binding): number[] {
  return openings.flatMap(({ left, right }) =>
    (binding === 'left' ? [left, right] : [right, left]).filter((page): page is number => page !== undefined),
  );
}
