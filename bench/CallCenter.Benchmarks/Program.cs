using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(CallCenter.Benchmarks.SipParseBenchmarks).Assembly).Run(args);
