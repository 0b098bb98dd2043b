#!/usr/bin/env python3
"""The download of a web UI before anything shows: the JS, CSS and wasm files its index.html
names, summed raw and gzip -9. One way of measuring, for the console and for Flink's own UI.

  ui-size.py URL        a served UI: index.html is URL/ (scripts/bench)
  ui-size.py JAR DIR    a UI inside a jar, e.g. flink-dist-<version>.jar web (scripts/build)

Prints "RAW GZIP FILES": bytes, bytes, and how many files were counted.
"""
import gzip
import posixpath
import re
import sys
import urllib.parse
import urllib.request
import zipfile

NAMED = re.compile(r'(?:src|href)="([^"]+\.(?:js|css|wasm))"')


def reader(args):
    """A function from a reference in index.html ('' for index.html itself) to its bytes."""
    if len(args) == 1:
        base = args[0].rstrip('/') + '/'
        direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # local servers only
        return lambda ref: direct.open(urllib.parse.urljoin(base, ref), timeout=30).read()
    if len(args) == 2:
        jar, root = zipfile.ZipFile(args[0]), args[1].strip('/')
        return lambda ref: jar.read(posixpath.normpath(posixpath.join(root, ref.lstrip('/') or 'index.html')))
    sys.exit(__doc__.strip())


def main(args):
    read = reader(args)
    refs = dict.fromkeys(NAMED.findall(read('').decode()))
    raw = gz = 0
    for ref in refs:
        body = read(ref)
        raw += len(body)
        gz += len(gzip.compress(body, compresslevel=9, mtime=0))
    print(raw, gz, len(refs))


if __name__ == '__main__':
    main(sys.argv[1:])
