"""The C floor of `npm run bench`: libxmlsec1 (python3-xmlsec) and libxml2 (python3-lxml) verifying every
ds:Signature of a message with a trusted certificate, timed here in a warm loop so that neither Python's nor
the child process's start-up is counted.

Usage: xmlsec-floor.py CERT_PEM RUNS FILE...   Prints one JSON object: {"FILE": {"ms": median, "signatures": n}}.
Each run parses the bytes (as the full check parses its input) and verifies all signatures; the key is loaded
once and set on each context (KeyInfo is not read), as python3-saml does and as SAML Lens caches its imported key.
"""
import json
import statistics
import sys
import time

import xmlsec
from lxml import etree

DS = "http://www.w3.org/2000/09/xmldsig#"
SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol"
SAML = "urn:oasis:names:tc:SAML:2.0:assertion"


def check(data: bytes, key: "xmlsec.Key") -> int:
    # resolve_entities=False and no network: the same refusals SAML Lens applies before it parses.
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
    for el in root.iter("{%s}Response" % SAMLP, "{%s}Assertion" % SAML):
        xmlsec.tree.add_ids(el, ["ID"])
    signatures = root.findall(".//{%s}Signature" % DS)
    for sig in signatures:
        # The key set on the context, as python3-saml does: KeyInfo is not read, no certificate chain is built.
        ctx = xmlsec.SignatureContext()
        ctx.key = key
        ctx.verify(sig)
    return len(signatures)


def main() -> None:
    cert, runs, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    key = xmlsec.Key.from_file(cert, xmlsec.constants.KeyDataFormatCertPem)
    out = {}
    for path in files:
        with open(path, "rb") as f:
            data = f.read()
        count = check(data, key)
        for _ in range(min(runs, 20)):
            check(data, key)
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            check(data, key)
            times.append((time.perf_counter() - t0) * 1000)
        out[path] = {"ms": statistics.median(times), "signatures": count}
    print(json.dumps(out))


main()
