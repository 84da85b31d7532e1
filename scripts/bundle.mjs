// Folds wasm-bindgen's glue into the loader, so that a page fetches one script before
// the wasm instead of two in series: the glue's exports become module-scope names (the
// module scope keeps them off `window`), and the loader's import of the glue becomes a
// reference to them. The glue finds the wasm through `import.meta.url`, which is now the
// loader's own address: the same folder.
// Usage: node scripts/bundle.mjs GLUE.js LOADER.js > OUT.js
import { readFileSync } from "node:fs";

const [gluePath, loaderPath] = process.argv.slice(2);
let glue = readFileSync(gluePath, "utf8");
let loader = readFileSync(loaderPath, "utf8");

const fail = (why) => {
  console.error(`bundle: ${why}`);
  process.exit(1);
};
// `export class X`, `export function f` → plain declarations; the final export list goes.
glue = glue.replace(/^export (class|function|const|let) /gm, "$1 ");
const list = /^export \{([^}]*)\};?\s*$/m;
const exported = glue.match(list);
if (!exported) fail(`no export list in ${gluePath}`);
glue = glue.replace(list, "");
if (/^\s*(export|import)\b/m.test(glue)) fail(`${gluePath} has other imports or exports`);
// The default export is the init function.
const init = exported[1]
  .split(",")
  .map((s) => s.trim())
  .find((s) => s.endsWith(" as default"))
  ?.replace(/ as default$/, "");
if (!init) fail("the glue has no default export");

const importLine = /^import (\w+), \{([^}]*)\} from "\.\/salystyr_core\.js";\s*$/m;
const imported = loader.match(importLine);
if (!imported) fail(`${loaderPath} does not import the glue as expected`);
const [, initName, names] = imported;
const aliases = [`const ${initName} = ${init};`];
for (const name of names.split(",").map((s) => s.trim()).filter(Boolean)) {
  if (!new RegExp(`^(class|function) ${name}\\b`, "m").test(glue)) fail(`the glue has no ${name}`);
}
loader = loader.replace(importLine, aliases.join("\n"));
process.stdout.write(`${glue}\n${loader}`);
