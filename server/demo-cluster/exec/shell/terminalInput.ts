import type { InputSource, Output } from "./commandTypes";
import type { InputQueue } from "./inputQueue";
import { LineEditor } from "./lineEditor";

/** A command's stdin when it is the terminal: cooked lines with echo; Ctrl-D ends it. */
export class TerminalInput implements InputSource {
  readonly isTerminal = true;
  private readonly editor: LineEditor;

  constructor(input: InputQueue, echo: Output) {
    this.editor = new LineEditor(input, (text) => echo.write(text));
  }

  async read(signal?: AbortSignal): Promise<string | null> {
    const result = await this.editor.readLine(signal);
    return result.kind === "line" ? `${result.text}\n` : null;
  }
}

export function isTerminalInput(input: InputSource): input is TerminalInput {
  return (input as Partial<TerminalInput>).isTerminal === true;
}
