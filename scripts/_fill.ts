import { renderPages, fillRatio, pageSize } from "../tests/e2e/pdf-tools.ts";
const f = process.argv[2]!;
const { height } = pageSize(f);
const mm = (v: number) => (v * 72) / 25.4 / height;
console.log(renderPages(f, 24).map((g) => Math.round(fillRatio(g, mm(17), 1 - mm(19)) * 100)).join(" "));
