using GraphAttn.Cli;

return await GraphAttnCli.Build().Parse(args).InvokeAsync();
