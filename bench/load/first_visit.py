#!/usr/bin/env python3
# Bytes a first visit of a page transfers, as a browser with an empty cache fetches it: the page, its
# style sheets, scripts and icons, and the fonts its style sheets name (a font with a unicode-range only
# when the page holds a character in that range). Asks for Brotli and gzip; counts headers and bodies
# as they travelled. Prints a summary line and one line per file.
#   first_visit.py URL
import re, subprocess, sys, urllib.parse

def fetch(url):
    out = subprocess.run(["curl", "-s", "-o", "/tmp/first-visit.body", "-w", "%{http_code} %{size_header} %{size_download}",
                          "-H", "Accept-Encoding: br, gzip", "-D", "/tmp/first-visit.headers", url],
                         capture_output=True, text=True, check=True).stdout.split()
    headers = open("/tmp/first-visit.headers", encoding="latin-1").read().lower()
    body = subprocess.run(["curl", "-s", "--compressed", url], capture_output=True).stdout
    enc = re.search(r"^content-encoding: *(\S+)", headers, re.M)
    cache = re.search(r"^cache-control: *(.+?)\r?$", headers, re.M)
    return int(out[0]), int(out[1]) + int(out[2]), enc.group(1) if enc else "-", cache.group(1) if cache else "-", body

page = sys.argv[1]
status, size, enc, cache, body = fetch(page)
html = body.decode("utf-8", "replace")
rows = [(page, status, size, enc, cache)]
assets = re.findall(r'<link[^>]+rel="(?:stylesheet|icon)"[^>]*href="([^"]+)"', html) + re.findall(r'<script[^>]+src="([^"]+)"', html) + re.findall(r'<img[^>]+src="([^"]+)"', html)
text = re.sub(r"<[^>]+>", "", html)
for a in assets:
    url = urllib.parse.urljoin(page, a)
    s, n, e, c, b = fetch(url)
    rows.append((url, s, n, e, c))
    if url.split("?")[0].endswith(".css"):
        css = b.decode("utf-8", "replace")
        for face in re.findall(r"@font-face\s*{([^}]*)}", css):
            ranges = re.search(r"unicode-range:([^;]+)", face)
            if ranges:
                used = False
                for r in ranges.group(1).split(","):
                    lo, _, hi = r.strip()[2:].partition("-")
                    lo, hi = int(lo, 16), int(hi or lo, 16)
                    if any(lo <= ord(ch) <= hi for ch in text):
                        used = True
                if not used:
                    continue
            first = re.search(r'url\("?([^")]+)"?\)', face)
            if first:
                furl = urllib.parse.urljoin(url, first.group(1))
                fs, fn, fe, fc, _ = fetch(furl)
                rows.append((furl, fs, fn, fe, fc))
total = sum(r[2] for r in rows)
print(f"TOTAL {total} {len(rows)}")
for r in rows:
    print(f"{r[1]} {r[2]} {r[3]} [{r[4]}] {urllib.parse.urlparse(r[0]).path}")
