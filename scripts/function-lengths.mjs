// Lists the functions of src/ longer than a limit, longest first: `node scripts/function-lengths.mjs [limit]`.
// A function is any declaration, method, arrow or function expression; its length counts the lines
// from its first to its last, comments included. React components (a .tsx function whose name starts
// with a capital) are shown with their own limit. tests/architecture/function-length.test.ts uses the
// same measure (functionLengths below) to hold the limits.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

/** Every function of a source text with its name (or where it sits) and its length in lines. */
export function functionLengths(file, text) {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out = [];
  const nameOf = (node) => {
    if (node.name && ts.isIdentifier(node.name)) return node.name.text;
    if (node.name && ts.isStringLiteral(node.name)) return node.name.text;
    const p = node.parent;
    if (p && ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
    if (p && ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) return p.name.text;
    if (p && ts.isCallExpression(p)) {
      const callee = p.expression.getText(sf);
      return `(argument of ${callee.length > 40 ? callee.slice(0, 40) + "…" : callee})`;
    }
    return "(anonymous)";
  };
  const visit = (node) => {
    if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isGetAccessor(node) || ts.isConstructorDeclaration(node)) {
      const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = nameOf(node);
      const component = file.endsWith(".tsx") && /^[A-Z]/.test(name);
      out.push({ file, name, line: start + 1, lines: end - start + 1, component });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Every .ts/.tsx file under a folder, as repo-relative paths. */
export function sourceFiles(root, folder) {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(path.join(root, dir))) {
      const rel = `${dir}/${name}`;
      if (statSync(path.join(root, rel)).isDirectory()) walk(rel);
      else if (/\.tsx?$/.test(name) && !name.endsWith(".d.ts")) out.push(rel);
    }
  };
  walk(folder);
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const limit = Number(process.argv[2] ?? 80);
  const componentLimit = Number(process.argv[3] ?? 150);
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const all = sourceFiles(root, "src").flatMap((f) => functionLengths(f, readFileSync(path.join(root, f), "utf8")));
  const over = all.filter((f) => f.lines > (f.component ? componentLimit : limit)).sort((a, b) => b.lines - a.lines);
  for (const f of over) console.log(`${String(f.lines).padStart(4)}  ${f.component ? "component " : ""}${f.name}  ${f.file}:${f.line}`);
  const over50 = all.filter((f) => !f.component && f.lines > 50).length;
  console.log(`\n${over.length} over the limits (functions ${limit}, components ${componentLimit}); ${over50} functions over 50 lines`);
}
