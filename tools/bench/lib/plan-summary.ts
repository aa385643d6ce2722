import type { Pool } from 'pg';
import type { Query } from './list-query';

interface PlanNode {
  'Node Type': string;
  Strategy?: string;
  'Join Type'?: string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Parent Relationship'?: string;
  'Shared Hit Blocks': number;
  'Shared Read Blocks': number;
  Plans?: PlanNode[];
}

interface Explained {
  Plan: PlanNode;
  'Planning Time': number;
  'Execution Time': number;
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of one execution, as a few lines: planning and execution time,
 * buffers touched, then the plan tree one node a line (type, index or table, rows × loops).
 */
export async function planSummary(pool: Pool, query: Query): Promise<string[]> {
  const { rows } = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${query.text}`, query.values);
  const [explained] = rows[0]['QUERY PLAN'] as Explained[];
  if (!explained) throw new Error('EXPLAIN returned no plan');
  const top = explained.Plan;
  const lines = [
    `planning ${explained['Planning Time'].toFixed(2)} ms, execution ${explained['Execution Time'].toFixed(2)} ms, ` +
      `shared buffers hit ${top['Shared Hit Blocks']}, read ${top['Shared Read Blocks']}`,
  ];
  const walk = (node: PlanNode, depth: number) => {
    lines.push(`${'  '.repeat(depth)}${describe(node)}`);
    for (const child of node.Plans ?? []) walk(child, depth + 1);
  };
  walk(top, 0);
  return lines;
}

function describe(node: PlanNode): string {
  const kind = [node.Strategy && node.Strategy !== 'Plain' ? node.Strategy : '', node['Join Type'] && node['Join Type'] !== 'Inner' ? node['Join Type'] : '', node['Node Type']]
    .filter(Boolean)
    .join(' ');
  const target = node['Index Name'] ? ` using ${node['Index Name']}` : node['Relation Name'] ? ` on ${node['Relation Name']}` : '';
  const loops = node['Actual Loops'] > 1 ? ` × ${node['Actual Loops']} loops` : '';
  // A sub-select run once before its parent (such as a keyset cursor's lookup) says so.
  const initPlan = node['Parent Relationship'] === 'InitPlan' ? 'InitPlan: ' : '';
  return `${initPlan}${kind}${target} (rows ${node['Actual Rows']}${loops})`;
}
