// Package cli is plume's command library. Each command takes a context, its
// arguments and an [IO] of readers and writers, and returns the process exit
// code, so commands are tested in-process without a subprocess.
//
// Exit codes: 0 done; 1 the work was done but a check failed under --strict;
// 2 usage error or bad input, with a one-line reason on stderr and nothing
// written to an output file.
package cli
