using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(FlexWork.Benchmarks.PolicyEngineBenchmarks).Assembly).Run(args);
