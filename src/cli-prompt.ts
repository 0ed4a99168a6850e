import { createInterface } from "node:readline/promises";
import { Writable } from "node:stream";

/** Asks for a secret on the terminal without echoing it; refuses when there is no terminal. */
export async function readSecret(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    throw new Error("No password given: pass --password, set AMY_PASSWORD, or run this in a terminal.");
  }
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, callback) {
      if (!muted) process.stdout.write(chunk);
      callback();
    },
  });
  const readline = createInterface({ input: process.stdin, output, terminal: true });
  try {
    const answer = readline.question(prompt);
    muted = true;
    const secret = await answer;
    process.stdout.write("\n");
    return secret;
  } finally {
    readline.close();
  }
}
