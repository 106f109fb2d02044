"""What is inside an image and how it was made: build-info.json, an SPDX SBOM, verification."""
