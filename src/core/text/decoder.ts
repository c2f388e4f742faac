/**
 * The platform's TextDecoder, looked up on globalThis with its type written here, so that core and
 * app compile without the DOM library (tsconfig.core.json) and still use the decoder every platform
 * they run on has (Node, browsers, the Excel runtimes). Null where there is none.
 */
export interface PlatformTextDecoder {
  decode(input: ArrayBufferView | ArrayBuffer): string;
}
type TextDecoderConstructor = new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => PlatformTextDecoder;

export function platformTextDecoder(label: string, options?: { fatal?: boolean; ignoreBOM?: boolean }): PlatformTextDecoder | null {
  const ctor = (globalThis as { TextDecoder?: TextDecoderConstructor }).TextDecoder;
  return typeof ctor === "function" ? new ctor(label, options) : null;
}
