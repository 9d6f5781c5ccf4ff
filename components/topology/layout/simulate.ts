import { forceLink, forceManyBody, forceSimulation, forceX, forceY, type Simulation, type SimulationLinkDatum, type SimulationNodeDatum } from "d3-force";

export interface LayoutPoint { x: number; y: number }
export interface LayoutNodeInput { id: string }
export interface LayoutEdgeInput { source: string; target: string }

export interface LayoutInput {
  nodes: readonly LayoutNodeInput[];
  edges: readonly LayoutEdgeInput[];
  /** Positions from the previous layout, by node id; these nodes are warm-started. */
  previous?: ReadonlyMap<string, LayoutPoint>;
  /** Width over height of the screen the layout is for; the pull to the centre is weaker across the longer side. */
  aspect?: number;
}

export interface LayoutOptions {
  /** Furthest a warm-started node may drift from its previous position, in world units. */
  maxDrift?: number;
  /** Alpha for a warm restart; low so the existing picture barely moves. */
  warmAlpha?: number;
  /** Seed for the deterministic random source (jitter and d3's tie-breaking). */
  seed?: number;
  /** Ticks from the start alpha down to SETTLED_ALPHA; defaults shrink for big graphs so they settle in seconds. */
  settleTicks?: number;
}

export interface LayoutSimulation {
  /** Node ids in the order used by `positions()`. */
  readonly ids: readonly string[];
  tick(count: number): void;
  alpha(): number;
  isSettled(): boolean;
  /** Interleaved x,y per node, in `ids` order; a fresh array each call so it can be transferred. */
  positions(): Float32Array;
  stop(): void;
}

export const SETTLED_ALPHA = 0.01;
const DEFAULT_MAX_DRIFT = 4;
const DEFAULT_WARM_ALPHA = 0.1;
const NEIGHBOUR_JITTER = 12;
const WARM_SHARE = 0.5;
const LARGE_GRAPH_NODES = 3000;

/** Fewer, larger steps for big graphs: each tick costs O(n log n), and a settled picture sooner beats a finer one later. */
export function defaultSettleTicks(nodeCount: number): number {
  return nodeCount > LARGE_GRAPH_NODES ? 100 : 200;
}
/** A warm run where only a few nodes are new settles in fewer ticks: the rest are held by anchors anyway. */
const MIN_WARM_TICKS = 20;

/** Ticks for a run: the default for a fresh or mostly-new graph, fewer the smaller the share of new nodes. */
export function warmSettleTicks(nodeCount: number, anchoredShare: number): number {
  const full = defaultSettleTicks(nodeCount);
  if (anchoredShare < WARM_SHARE) return full;
  // 1% new nodes → a tenth of the ticks; 10% or more → all of them.
  return Math.max(MIN_WARM_TICKS, Math.min(full, Math.round(full * (1 - anchoredShare) * 10)));
}
const ANCHOR_PULL = 0.5;
const ANCHOR_DAMPING = 0.2;

interface SimNode extends SimulationNodeDatum { id: string; anchor?: LayoutPoint }
type SimLink = SimulationLinkDatum<SimNode>;

// Linear congruential generator: same seed, same layout, so tests and reloads are reproducible.
export function createSeededRandom(seed: number): () => number {
  let state = (seed >>> 0) || 1;
  return () => {
    state = (Math.imul(1664525, state) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/** Builds a d3-force simulation, warm-started from `input.previous`; it does not run on its own (call `tick`). */
export function createLayoutSimulation(input: LayoutInput, options: LayoutOptions = {}): LayoutSimulation {
  const random = createSeededRandom(options.seed ?? 1);
  const maxDrift = options.maxDrift ?? DEFAULT_MAX_DRIFT;
  const nodes = placeNodes(input, random);
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const links: SimLink[] = input.edges
    .filter((edge) => edge.source !== edge.target && byId.has(edge.source) && byId.has(edge.target))
    .map((edge) => ({ source: edge.source, target: edge.target }));
  // A mostly-new graph needs a full-strength run to spread out.
  const anchoredShare = nodes.length === 0 ? 0 : nodes.filter((node) => node.anchor !== undefined).length / nodes.length;
  const startAlpha = anchoredShare >= WARM_SHARE ? (options.warmAlpha ?? DEFAULT_WARM_ALPHA) : 1;
  // A warm run holds the nodes already placed still (a change in the cluster must not shake the picture); only new ones move.
  // A mostly-new graph (the first lists arriving) is laid out afresh from where its nodes start, so it can spread to the screen.
  for (const node of nodes) {
    if (node.anchor && startAlpha < 1) [node.fx, node.fy] = [node.anchor.x, node.anchor.y];
    else delete node.anchor;
  }
  const simulation = configureForces(nodes, links, random, startAlpha, centringStrengths(input.aspect));
  const settleTicks = options.settleTicks ?? warmSettleTicks(nodes.length, anchoredShare);
  // Decay so alpha crosses SETTLED_ALPHA after `settleTicks` ticks; the floor keeps ticking a little past it.
  simulation.alphaDecay(1 - Math.pow(SETTLED_ALPHA / startAlpha, 1 / settleTicks)).alphaMin(SETTLED_ALPHA / 2);
  const ids = nodes.map((node) => node.id);
  return {
    ids,
    tick(count: number) {
      for (let i = 0; i < count && simulation.alpha() >= simulation.alphaMin(); i++) {
        simulation.tick();
        clampDrift(nodes, maxDrift);
      }
    },
    alpha: () => simulation.alpha(),
    isSettled: () => simulation.alpha() < SETTLED_ALPHA,
    positions: () => readPositions(nodes),
    stop: () => simulation.stop(),
  };
}

const CENTRING_STRENGTH = 0.02;
const MAX_ASPECT = 4;

/** Pulls to the centre along x and y, weaker across the longer side, so the cloud spreads to the screen's shape. */
export function centringStrengths(aspect = 1): { x: number; y: number } {
  const ratio = Math.min(MAX_ASPECT, Math.max(1 / MAX_ASPECT, Number.isFinite(aspect) && aspect > 0 ? aspect : 1));
  // Links hold a real cluster's groups together, so the pull is skewed a little more than a loose cloud needs.
  const skew = ratio ** 1.25;
  return { x: CENTRING_STRENGTH / skew, y: CENTRING_STRENGTH * skew };
}

function configureForces(nodes: SimNode[], links: SimLink[], random: () => number, alpha: number, centring: { x: number; y: number }): Simulation<SimNode, SimLink> {
  return forceSimulation<SimNode, SimLink>(nodes)
    .randomSource(random)
    .alpha(alpha)
    .force("link", forceLink<SimNode, SimLink>(links).id((node) => node.id).distance(30))
    .force("charge", forceManyBody<SimNode>().strength(-30).distanceMax(400))
    .force("x", forceX<SimNode>(0).strength((node) => (node.anchor ? 0 : centring.x)))
    .force("y", forceY<SimNode>(0).strength((node) => (node.anchor ? 0 : centring.y)))
    // Registered last so it sees every other force's push and damps it for warm-started nodes.
    .force("anchor", anchorForce(nodes))
    .stop();
}

// A light pin: warm-started nodes keep a fifth of their push and are pulled back towards where they were.
function anchorForce(nodes: readonly SimNode[]): () => void {
  return () => {
    for (const node of nodes) {
      const anchor = node.anchor;
      if (!anchor || node.x === undefined || node.y === undefined) continue;
      node.vx = (node.vx ?? 0) * ANCHOR_DAMPING + (anchor.x - node.x) * ANCHOR_PULL;
      node.vy = (node.vy ?? 0) * ANCHOR_DAMPING + (anchor.y - node.y) * ANCHOR_PULL;
    }
  };
}

// Existing nodes keep their place; new nodes start beside a placed neighbour, else near the centre of the old picture.
function placeNodes(input: LayoutInput, random: () => number): SimNode[] {
  const previous = input.previous ?? new Map<string, LayoutPoint>();
  const nodes: SimNode[] = input.nodes.map((node) => {
    const point = previous.get(node.id);
    return point ? { id: node.id, x: point.x, y: point.y, anchor: { x: point.x, y: point.y } } : { id: node.id };
  });
  if (previous.size === 0) return nodes;
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const neighbours = neighbourLists(input.edges);
  const centre = centroid(nodes);
  for (const node of nodes) {
    if (node.x !== undefined) continue;
    const placed = (neighbours.get(node.id) ?? []).map((id) => byId.get(id)).find((other) => other?.x !== undefined);
    const origin = placed && placed.x !== undefined && placed.y !== undefined ? { x: placed.x, y: placed.y } : centre;
    const angle = random() * 2 * Math.PI;
    const distance = NEIGHBOUR_JITTER * (0.5 + random());
    node.x = origin.x + Math.cos(angle) * distance;
    node.y = origin.y + Math.sin(angle) * distance;
  }
  return nodes;
}

function neighbourLists(edges: readonly LayoutEdgeInput[]): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  const add = (from: string, to: string) => {
    const list = lists.get(from);
    if (list) list.push(to);
    else lists.set(from, [to]);
  };
  for (const edge of edges) {
    add(edge.source, edge.target);
    add(edge.target, edge.source);
  }
  return lists;
}

function centroid(nodes: readonly SimNode[]): LayoutPoint {
  let x = 0;
  let y = 0;
  let count = 0;
  for (const node of nodes) {
    if (node.x === undefined || node.y === undefined) continue;
    x += node.x;
    y += node.y;
    count++;
  }
  return count === 0 ? { x: 0, y: 0 } : { x: x / count, y: y / count };
}

// A hard bound on top of the anchor force: the promise is "existing nodes move at most a few pixels".
function clampDrift(nodes: readonly SimNode[], maxDrift: number): void {
  for (const node of nodes) {
    const anchor = node.anchor;
    if (!anchor || node.x === undefined || node.y === undefined) continue;
    const dx = node.x - anchor.x;
    const dy = node.y - anchor.y;
    const distance = Math.hypot(dx, dy);
    if (distance <= maxDrift) continue;
    node.x = anchor.x + (dx / distance) * maxDrift;
    node.y = anchor.y + (dy / distance) * maxDrift;
    node.vx = 0;
    node.vy = 0;
  }
}

function readPositions(nodes: readonly SimNode[]): Float32Array {
  const positions = new Float32Array(nodes.length * 2);
  nodes.forEach((node, index) => {
    positions[index * 2] = node.x ?? 0;
    positions[index * 2 + 1] = node.y ?? 0;
  });
  return positions;
}

/** Reads interleaved positions back into a map by id, the shape `LayoutInput.previous` takes. */
export function positionsById(ids: readonly string[], positions: Float32Array): Map<string, LayoutPoint> {
  const byId = new Map<string, LayoutPoint>();
  ids.forEach((id, index) => {
    const x = positions[index * 2];
    const y = positions[index * 2 + 1];
    if (x !== undefined && y !== undefined) byId.set(id, { x, y });
  });
  return byId;
}
