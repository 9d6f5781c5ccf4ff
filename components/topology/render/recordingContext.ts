import type { TopologyContext } from "./canvasContext";

export interface RecordedCall { method: string; args: unknown[] }

/** A fake 2D context for tests: records every call and the style in force when each fill/stroke/fillText happens. */
export class RecordingContext implements TopologyContext {
  readonly calls: RecordedCall[] = [];
  fillStyle: string | CanvasGradient | CanvasPattern = "#000";
  strokeStyle: string | CanvasGradient | CanvasPattern = "#000";
  lineWidth = 1;
  font = "10px sans-serif";
  textAlign: CanvasTextAlign = "start";
  textBaseline: CanvasTextBaseline = "alphabetic";
  globalAlpha = 1;
  lineJoin: CanvasLineJoin = "miter";

  private record(method: string, args: unknown[]): void {
    const styled = method === "fill" || method === "fillText" ? [...args, this.fillStyle] : method === "stroke" || method === "strokeText" ? [...args, this.strokeStyle] : args;
    this.calls.push({ method, args: styled });
  }

  count(method: string): number {
    return this.calls.filter((call) => call.method === method).length;
  }

  of(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  setTransform(...args: unknown[]): void { this.record("setTransform", args); }
  clearRect(...args: number[]): void { this.record("clearRect", args); }
  beginPath(): void { this.record("beginPath", []); }
  closePath(): void { this.record("closePath", []); }
  moveTo(...args: number[]): void { this.record("moveTo", args); }
  lineTo(...args: number[]): void { this.record("lineTo", args); }
  quadraticCurveTo(...args: number[]): void { this.record("quadraticCurveTo", args); }
  arc(...args: unknown[]): void { this.record("arc", args); }
  rect(...args: number[]): void { this.record("rect", args); }
  fill(): void { this.record("fill", []); }
  stroke(): void { this.record("stroke", []); }
  fillText(...args: unknown[]): void { this.record("fillText", args); }
  strokeText(...args: unknown[]): void { this.record("strokeText", args); }
}
