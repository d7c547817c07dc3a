// Renders a chat template with Hugging Face's Jinja engine (@huggingface/jinja, as transformers.js
// applies chat templates) and prints the result as a JSON string.
// usage: node render_jinja.mjs NPM_DIR TEMPLATE_FILE CONTEXT.json
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [npmDir, templatePath, contextPath] = process.argv.slice(2);
const entry = path.join(npmDir, "node_modules", "@huggingface", "jinja", "dist", "index.js");
const { Template } = await import(pathToFileURL(entry).href);
const template = new Template(fs.readFileSync(templatePath, "utf8"));
console.log(JSON.stringify(template.render(JSON.parse(fs.readFileSync(contextPath, "utf8")))));
