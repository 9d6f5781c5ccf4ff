import { canvasesToPngBlob } from "../export/canvasesToPngBlob";
import { downloadFile } from "../export/downloadFile";
import { exportFileName } from "../export/exportFileName";
import { sceneToSvg } from "../export/sceneToSvg";
import type { TopologyView } from "../view/topologyView";

export interface ExportRequest {
  view: TopologyView;
  viewName: string;
  format: "svg" | "png";
  matchIds?: ReadonlySet<string>;
  selectedId?: string;
  background: string;
}

/** Saves what the map shows now, as a vector SVG or a PNG of both canvas layers. */
export async function exportView({ view, viewName, format, matchIds, selectedId, background }: ExportRequest): Promise<void> {
  const { scene, viewport, size, canvases } = view.snapshotForExport();
  const fileName = exportFileName(viewName, format, new Date());
  if (format === "svg") {
    const svg = sceneToSvg(scene, { viewport, size, matchIds, selectedId, title: `Orrery topology: ${viewName}`, background });
    downloadFile(fileName, svg, "image/svg+xml");
    return;
  }
  downloadFile(fileName, await canvasesToPngBlob(canvases, background), "image/png");
}
