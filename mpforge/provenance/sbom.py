"""An SPDX 2.3 JSON SBOM: the firmware, the frozen packages it contains, the tools that built it."""

from __future__ import annotations

import datetime
import re
import uuid
from collections.abc import Mapping, Sequence


def _id(kind: str, name: str) -> str:
    return f"SPDXRef-{kind}-" + re.sub(r"[^A-Za-z0-9.-]", "-", name)


def spdx_document(
    board: str,
    image_sha256: Mapping[str, str],
    packages: Sequence[Mapping[str, str]],
    tools: Mapping[str, str],
    epoch: int,
) -> dict:
    """`packages`: name, version, license, sha256 (and purl for a library from PyPI);
    `image_sha256`: image file name -> digest."""
    created = datetime.datetime.fromtimestamp(epoch, datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    digest = "".join(sorted(image_sha256.values()))
    namespace = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_OID, f'mpforge/{board}/{digest}')}"
    firmware_id = _id("Firmware", board)
    spdx_packages: list[dict] = [
        {
            "SPDXID": firmware_id,
            "name": f"{board}-firmware",
            "versionInfo": digest[:12] or "unbuilt",
            "downloadLocation": "NOASSERTION",
            "filesAnalyzed": False,
            "primaryPackagePurpose": "FIRMWARE",
            "licenseConcluded": "NOASSERTION",
            "licenseDeclared": "NOASSERTION",
            "copyrightText": "NOASSERTION",
            "checksums": [
                {"algorithm": "SHA256", "checksumValue": v} for _, v in sorted(image_sha256.items())
            ][:1],
            "comment": "images: "
            + ", ".join(f"{k} sha256:{v}" for k, v in sorted(image_sha256.items())),
        }
    ]
    relationships = [
        {
            "spdxElementId": "SPDXRef-DOCUMENT",
            "relationshipType": "DESCRIBES",
            "relatedSpdxElement": firmware_id,
        }
    ]
    for p in packages:
        pid = _id("Frozen", p["name"])
        refs = (
            {
                "externalRefs": [
                    {
                        "referenceCategory": "PACKAGE-MANAGER",
                        "referenceType": "purl",
                        "referenceLocator": p["purl"],
                    }
                ]
            }
            if p.get("purl")
            else {}
        )
        spdx_packages.append(
            {
                **refs,
                "SPDXID": pid,
                "name": p["name"],
                "versionInfo": p["version"],
                "downloadLocation": "NOASSERTION",
                "filesAnalyzed": False,
                "primaryPackagePurpose": "LIBRARY",
                "licenseConcluded": p["license"],
                "licenseDeclared": p["license"],
                "copyrightText": "NOASSERTION",
                "checksums": [{"algorithm": "SHA256", "checksumValue": p["sha256"]}],
            }
        )
        relationships.append(
            {
                "spdxElementId": firmware_id,
                "relationshipType": "CONTAINS",
                "relatedSpdxElement": pid,
            }
        )
    for name, version in sorted(tools.items()):
        tid = _id("Tool", name)
        spdx_packages.append(
            {
                "SPDXID": tid,
                "name": name,
                "versionInfo": version,
                "downloadLocation": "NOASSERTION",
                "filesAnalyzed": False,
                "primaryPackagePurpose": "APPLICATION",
                "licenseConcluded": "NOASSERTION",
                "licenseDeclared": "NOASSERTION",
                "copyrightText": "NOASSERTION",
            }
        )
        relationships.append(
            {
                "spdxElementId": tid,
                "relationshipType": "BUILD_TOOL_OF",
                "relatedSpdxElement": firmware_id,
            }
        )
    return {
        "spdxVersion": "SPDX-2.3",
        "dataLicense": "CC0-1.0",
        "SPDXID": "SPDXRef-DOCUMENT",
        "name": f"{board}-firmware",
        "documentNamespace": namespace,
        "creationInfo": {"created": created, "creators": ["Tool: mpforge"]},
        "packages": spdx_packages,
        "relationships": relationships,
    }
