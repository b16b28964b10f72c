#!/usr/bin/env bash
# One call on a GPU machine (the device tool's `run`, repository root as working directory, `carry: [".gpu-run"]`
# after tools/gpu/prepare.sh): unpacks the self-contained `accel` and runs, within about 8 minutes,
#   1. `accel devices` (baseband_gpu names the CUDA device it found),
#   2. validation of every LDPC vector (DPDK's from .gpu-run/vectors and the repository's conformance/) on CUDA, then
#      the same on baseband_sw for reference,
#   3. `accel gpu-compare`: 12,000 random code blocks bit for bit against baseband_sw,
#   4. the benchmark: BG1 Zc=384 R=1/3 and BG2 Zc=384 R=1/5, 4 and 8 fixed iterations, throughput and latency for
#      bursts (= batches) of 1, 32, 100, 256, 1024 and 4096 code blocks on baseband_gpu, and baseband_sw on every core
#      of the same machine with the same vectors.
# Results go to $OUT (the device tool brings them back): gpu-run.log (everything printed) and one JSON per test-bbdev run.
# Each step has its own time limit and the script goes on after a failing step; the exit code is 1 if any step failed.
#
# Usage:  bash tools/gpu/run-on-device.sh
# Environment: OUT = result folder (default .gpu-run/out); GPU_DEVARGS = the GPU device (default
# baseband_gpu,accelerator=cuda,max_batch=4096); QUICK=1 = a smoke test of the script itself on a machine without a GPU
# (GPU_DEVARGS=baseband_gpu,accelerator=cpu,max_batch=64: few blocks, small bursts, one repetition, DPDK vectors only).
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
pack="$root/.gpu-run"
out="${OUT:-$pack/out}"
mkdir -p "$out"
exec > >(tee "$out/gpu-run.log") 2>&1

if [ ! -f "$pack/accel-linux-x64.tar.xz" ]; then
    echo "run-on-device: $pack/accel-linux-x64.tar.xz is missing: run tools/gpu/prepare.sh first and carry .gpu-run" >&2
    exit 2
fi

bin=$(mktemp -d /tmp/accel.XXXXXX)
tar -C "$bin" -xJf "$pack/accel-linux-x64.tar.xz"
accel="$bin/accel"
export DOTNET_TieredPGO=1

status=0
step() {
    local name=$1 limit=$2
    shift 2
    echo
    echo "=== $name (limit ${limit}s) $(date -u +%H:%M:%S)"
    local start=$SECONDS
    timeout --kill-after=10 "$limit" "$@"
    local rc=$?
    echo "=== $name: exit $rc after $((SECONDS - start)) s"
    [ $rc -eq 0 ] || status=1
}

echo "run-on-device: $(date -u), $(nproc) cores"
nvidia-smi --query-gpu=name,memory.total,driver_version,clocks.max.sm --format=csv 2>&1 || echo "nvidia-smi not available"

gpu="${GPU_DEVARGS:-baseband_gpu,accelerator=cuda,max_batch=4096}"
blocks=12000; bursts=1,32,100,256,1024,4096; ops=256; reps=10; shipped=conformance; zc=384
if [ "${QUICK:-0}" = 1 ]; then
    blocks=200; bursts=1,8; ops=8; reps=1; shipped=; zc=64
fi
bg1=conformance/ldpc_dec_bg1_z384_f0_e25344_rv0_q2_crc24b.data
bg2=conformance/ldpc_dec_bg2_z384_f0_e19200_rv0_q2_crc24b.data
cores=$(nproc)

step "devices" 30 "$accel" devices

step "validation: every LDPC vector on $gpu" 100 \
    "$accel" test-bbdev -v "$pack/vectors" $shipped --device "$gpu" -c validation -n 16 -b 16 --json "$out/validation.json"

# The same validation on baseband_sw, so that a vector whose expectations predate the current decoder fails on both
# (bit-exact engines fail alike) and is told apart from a GPU defect.
step "validation: every LDPC vector on baseband_sw (reference for the step above)" 60 \
    "$accel" test-bbdev -v "$pack/vectors" $shipped --device baseband_sw -c validation -n 16 -b 16 --json "$out/validation-sw.json"

step "gpu-compare: $blocks random code blocks against baseband_sw" 100 \
    "$accel" gpu-compare --blocks "$blocks" --seed 1 --max-zc "$zc" --device "$gpu"

for iterations in 4 8; do
    step "benchmark $gpu, $iterations iterations" 90 \
        "$accel" test-bbdev -v "$bg1" -v "$bg2" --device "$gpu" -c throughput,latency -t "$iterations" \
        --burst-sizes "$bursts" -n "$ops" --repetitions "$reps" --json "$out/bench-gpu-t$iterations.json"
    step "benchmark baseband_sw on $cores cores, $iterations iterations" 30 \
        "$accel" test-bbdev -v "$bg1" -v "$bg2" --device baseband_sw -c throughput -t "$iterations" \
        -l "$cores" -b 32 -n 128 --repetitions "$reps" --json "$out/bench-sw-t$iterations.json"
done

rm -rf "$bin"
echo
echo "run-on-device: done, exit $status"
exit $status
