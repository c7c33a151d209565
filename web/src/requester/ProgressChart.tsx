// Items by phase over blocks: a stacked area chart in SVG, from samples of
// the task's progress (read at past blocks where the node still has their
// state, then at each new block while the page is open).

export interface Sample { block: number; progress: Record<string, number> }

export const PHASES: Array<[string, string]> = [
  ['settled', '#2b8a3e'], ['accepted', '#74b816'], ['appealed', '#f08c00'], ['disputed', '#e03131'],
  ['revealing', '#1c7ed6'], ['labeling', '#74c0fc'], ['untouched', '#dee2e6'],
];

export function ProgressChart({ samples, itemCount }: { samples: Sample[]; itemCount: number }) {
  if (samples.length < 2 || itemCount === 0) return <p class="note">The chart fills in as blocks pass.</p>;
  const [width, height] = [640, 200];
  const first = samples[0].block;
  const span = Math.max(1, samples[samples.length - 1].block - first);
  const x = (block: number) => ((block - first) / span) * width;
  const y = (count: number) => height - (count / itemCount) * height;
  const bands = PHASES.map(([phase, color], index) => {
    const below = (s: Sample) => PHASES.slice(0, index).reduce((sum, [p]) => sum + (s.progress[p] ?? 0), 0);
    const top = samples.map((s) => `${x(s.block)},${y(below(s) + (s.progress[phase] ?? 0))}`);
    const bottom = [...samples].reverse().map((s) => `${x(s.block)},${y(below(s))}`);
    return <polygon key={phase} points={[...top, ...bottom].join(' ')} fill={color}><title>{phase}</title></polygon>;
  });
  return (
    <figure class="chart" data-testid="progress-chart">
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label="items by phase over blocks">{bands}</svg>
      <figcaption>
        Items by phase, blocks #{first} to #{samples[samples.length - 1].block}:{' '}
        {PHASES.map(([phase, color]) => <span key={phase} class="legend"><i style={{ background: color }} />{phase}</span>)}
      </figcaption>
    </figure>
  );
}
