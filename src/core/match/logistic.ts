// Binary logistic regression by Newton's method with a small ridge penalty: what the confidence
// model is fitted with. Few features, a few thousand samples: exact and deterministic.

const L2 = 0.01;
const ITERATIONS = 50;

export function predictLogistic(theta: readonly number[], x: readonly number[]): number {
  let z = theta[0] as number;
  for (let i = 0; i < x.length; i++) z += (theta[i + 1] as number) * (x[i] as number);
  return 1 / (1 + Math.exp(-z));
}

/** Logistic regression by Newton's method with a small ridge penalty (weights only). */
export function fitLogistic(samples: readonly { x: number[]; right: boolean }[]): number[] {
  const dims = (samples[0]?.x.length ?? 0) + 1;
  let theta = new Array<number>(dims).fill(0);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const gradient = new Array<number>(dims).fill(0);
    const hessian = Array.from({ length: dims }, () => new Array<number>(dims).fill(0));
    for (const sample of samples) {
      const row = [1, ...sample.x];
      const p = predictLogistic(theta, sample.x);
      const error = p - (sample.right ? 1 : 0);
      const w = Math.max(p * (1 - p), 1e-9);
      for (let i = 0; i < dims; i++) {
        gradient[i] = (gradient[i] as number) + error * (row[i] as number);
        const hessianRow = hessian[i] as number[];
        for (let j = 0; j < dims; j++)
          hessianRow[j] = (hessianRow[j] as number) + w * (row[i] as number) * (row[j] as number);
      }
    }
    for (let i = 1; i < dims; i++) {
      gradient[i] = (gradient[i] as number) + L2 * (theta[i] as number);
      (hessian[i] as number[])[i] = ((hessian[i] as number[])[i] as number) + L2;
    }
    const step = solve(hessian, gradient);
    theta = theta.map((value, i) => value - (step[i] as number));
    if (Math.max(...step.map(Math.abs)) < 1e-9) break;
  }
  return theta;
}

/** Gaussian elimination with partial pivoting; the system is small (one row per feature). */
function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i] as number]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) {
      if (Math.abs((a[row] as number[])[col] as number) > Math.abs((a[pivot] as number[])[col] as number))
        pivot = row;
    }
    [a[col], a[pivot]] = [a[pivot] as number[], a[col] as number[]];
    const pivotRow = a[col] as number[];
    const divisor = pivotRow[col] as number;
    if (Math.abs(divisor) < 1e-12) continue;
    for (let row = 0; row < n; row++) {
      if (row === col) continue;
      const target = a[row] as number[];
      const factor = (target[col] as number) / divisor;
      for (let k = col; k <= n; k++) target[k] = (target[k] as number) - factor * (pivotRow[k] as number);
    }
  }
  return a.map((row, i) => {
    const divisor = row[i] as number;
    return Math.abs(divisor) < 1e-12 ? 0 : (row[n] as number) / divisor;
  });
}
