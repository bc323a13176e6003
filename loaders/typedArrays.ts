// Growing typed arrays, for the loaders that gather millions of numbers without knowing how many
// beforehand (plainColumns.ts, disclosure/cubeCells.ts).

type TypedArray = Int32Array | Float64Array | Uint8Array;

/** A copy of `array` in a new array of `length` elements (the rest zero). */
export function grown<T extends TypedArray>(array: T, length: number): T {
  const copy = new (array.constructor as new (length: number) => T)(length);
  copy.set(array);
  return copy;
}
