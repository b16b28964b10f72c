using AccelSdk.Core.Buffers;
using AccelSdk.Core.DependencyInjection;
using AccelSdk.Core.Devices;
using AccelSdk.Core.Pools;
using AccelSdk.Crypto.DependencyInjection;
using AccelSdk.Crypto.Transforms;
using Microsoft.Extensions.DependencyInjection;

namespace AccelSdk.Crypto.Tests.Api;

/// <summary>The README's example, kept compiling and passing: a PDCP-style NEA2/NIA2 uplink op with an encrypted MAC-I.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void PdcpUplinkExample_Works()
    {
        byte[] key = Convert.FromHexString("2b7e151628aed2a6abf7158809cf4f3c");
        byte[] counterBlock = new byte[16];
        byte[] packet = new byte[2 + 100 + 4]; // header, payload, MAC-I

        // --- README example starts ---
        var services = new ServiceCollection();
        services.AddAccelSdk(o => o.VirtualDevices.Add("crypto_sw0")).AddCryptoSoftware();
        using ServiceProvider provider = services.BuildServiceProvider();
        CryptoDevice device = provider.GetRequiredService<DeviceRegistry>().Get<CryptoDevice>("crypto_sw0");
        device.Configure(new CryptoDeviceConfig { QueuePairCount = 1 });
        device.SetupQueuePair(0, new CryptoQueuePairConfig { DescriptorCount = 1024 });
        device.Start();

        // PDCP transmit: MAC-I over header + payload (128-NIA2), then cipher payload + MAC-I (128-NEA2).
        using CryptoSession session = device.CreateSession(new AuthTransform
        {
            Algorithm = AuthAlgorithm.AesCmac, Operation = AuthOperation.Generate, Key = key, DigestLength = 4,
            Next = new CipherTransform { Algorithm = CipherAlgorithm.AesCtr, Operation = CipherOperation.Encrypt, Key = key, IvLength = 16 },
        });

        using BufferPool buffers = BufferPool.Create(new BufferPoolOptions { RoomSize = 2048, Count = 1024 });
        using OpPool<CryptoOp> ops = CryptoOp.CreatePool(new OpPoolOptions { Count = 1024 });
        CryptoOp op = ops.Get()!;
        op.Reset();
        op.Session = session;
        op.Source = buffers.Rent()!;
        packet.CopyTo(op.Source.Append(packet.Length));
        op.AuthOffset = 0;
        op.AuthLength = 102;              // bytes for AES; bits for SNOW 3G / ZUC / KASUMI
        op.DigestOffset = 102;            // MAC-I right after the data ...
        op.CipherOffset = 2;
        op.CipherLength = 104;            // ... and inside the ciphered range
        counterBlock.CopyTo(op.Iv);       // COUNT ‖ BEARER ‖ DIRECTION ‖ 0…

        Span<CryptoOp> burst = [op];
        int sent = device.EnqueueBurst(0, burst);
        Span<CryptoOp> done = new CryptoOp[1];
        int received = 0;
        while (received == 0)
        {
            received = device.DequeueBurst(0, done);
        }

        bool ok = done[0].Status == CryptoOpStatus.Success;   // AuthFailed on a verify mismatch, never an exception
        buffers.Return(op.Source);
        ops.Put(op);
        // --- README example ends ---

        Assert.Equal(1, sent);
        Assert.True(ok);
    }
}
