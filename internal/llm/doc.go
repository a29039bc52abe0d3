// Package llm is plume's client for OpenAI-compatible chat-completion servers
// (Ollama, llama.cpp server, vLLM, Mistral's and OpenAI's hosted APIs).
//
// It takes a Config (base URL, model, key, per-call timeout, retry budget) and
// a Request (system and user prompts, token budget, optional JSON schema), and
// gives back the model's text — and, when a schema was asked for, a JSON value
// extracted by a tolerant parser — together with truncation status and token
// accounting. Probe checks, before any work, that the server answers, accepts
// the key and serves the model, with typed errors the CLI maps to exit 2.
//
// It never decides what to write, never checks the prose it receives, and
// never falls back to another writer: those are the LLM writer's concerns. It
// does not stream to the caller either; a streamed answer is assembled in full.
package llm
