#!/usr/bin/env bash
# Prepares a run of tools/gpu/run-on-device.sh on a GPU machine that has the NVIDIA driver but no .NET and no network:
# publishes `accel` self-contained for linux-x64 (ILGPU included), packs it as .gpu-run/accel-linux-x64.tar.xz, and
# copies DPDK's LDPC vectors from ../shared/conformance/bbdev (which does not travel with the working tree) into
# .gpu-run/vectors. .gpu-run/ is git-ignored: name it in the device tool's `carry`.
#
# Usage (from anywhere):  tools/gpu/prepare.sh
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
pack="$root/.gpu-run"
shared="$root/../shared/conformance/bbdev"

rm -rf "$pack"
mkdir -p "$pack/vectors" "$pack/publish"

echo "prepare: publishing accel (Release, linux-x64, self-contained)"
dotnet publish "$root/src/Cli/AccelSdk.Cli.csproj" -c Release -r linux-x64 --self-contained true \
    -p:PublishTrimmed=false -p:DebugType=none -o "$pack/publish" --nologo -v quiet

echo "prepare: packing"
tar -C "$pack/publish" -cJf "$pack/accel-linux-x64.tar.xz" .
rm -rf "$pack/publish"

if [ -d "$shared" ]; then
    cp "$shared"/ldpc_*.data "$pack/vectors/"
else
    echo "prepare: warning: $shared not found; only the repository's conformance/ vectors will be validated" >&2
fi

echo "prepare: $(du -sh "$pack" | cut -f1) in $pack ($(ls "$pack/vectors" | wc -l) DPDK vector files)"
