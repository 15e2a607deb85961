// A grouped bar chart of requests per second, as plain SVG (no dependency).
interface Row {
  server: string;
  route: string;
  rps: number;
}

const COLORS = ["#6b7280", "#2563eb", "#16a34a", "#f59e0b", "#db2777", "#7c3aed", "#0891b2", "#dc2626"];

export function renderChart(rows: Row[]): string {
  const routes = [...new Set(rows.map((r) => r.route))];
  const servers = [...new Set(rows.map((r) => r.server))];
  const max = Math.max(...rows.map((r) => r.rps), 1);
  const barH = 10;
  const groupH = servers.length * barH + 18;
  const left = 190;
  const width = 820;
  const plotW = width - left - 80;
  const height = 40 + routes.length * groupH + 20 + servers.length * 16;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${left}" y="20" font-size="13" font-weight="bold">Requests per second (higher is better)</text>`,
  ];
  routes.forEach((route, g) => {
    const y0 = 36 + g * groupH;
    out.push(`<text x="${left - 8}" y="${y0 + (servers.length * barH) / 2 + 4}" text-anchor="end">${escape(route)}</text>`);
    servers.forEach((server, i) => {
      const row = rows.find((r) => r.route === route && r.server === server);
      if (!row) return;
      const w = Math.max(1, (row.rps / max) * plotW);
      out.push(`<rect x="${left}" y="${y0 + i * barH}" width="${w.toFixed(1)}" height="${barH - 2}" fill="${COLORS[i % COLORS.length]}"/>`);
      out.push(`<text x="${left + w + 4}" y="${y0 + i * barH + barH - 3}" font-size="9">${Math.round(row.rps)}</text>`);
    });
  });
  const legendY = 36 + routes.length * groupH + 10;
  servers.forEach((server, i) => {
    out.push(`<rect x="${left}" y="${legendY + i * 16}" width="12" height="12" fill="${COLORS[i % COLORS.length]}"/>`);
    out.push(`<text x="${left + 18}" y="${legendY + i * 16 + 10}">${escape(server)}</text>`);
  });
  out.push("</svg>");
  return out.join("\n") + "\n";
}

function escape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
