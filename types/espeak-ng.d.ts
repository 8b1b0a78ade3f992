// espeak-ng 1.0.2 (GPL-3.0, an optional dependency; lib/voice/builtin/espeak.ts): the espeak-ng command
// line compiled with Emscripten. Each call runs `main` once with `arguments` and exposes the virtual FS.
declare module "espeak-ng" {
  type EmscriptenModule = {
    FS: { readFile(path: string): Uint8Array; writeFile(path: string, data: string | Uint8Array): void };
  };
  type Options = {
    arguments: string[];
    print?: (line: string) => void;
    printErr?: (line: string) => void;
    instantiateWasm?: (
      imports: WebAssembly.Imports,
      done: (instance: WebAssembly.Instance, module?: WebAssembly.Module) => void,
    ) => object;
  };
  export default function ESpeakNg(options: Options): Promise<EmscriptenModule>;
}
