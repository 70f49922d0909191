/**
 * Inverse of a small symmetric positive definite matrix (a model's X'X), or null when it is singular.
 * Cholesky on the matrix scaled to a unit diagonal: each pivot is then 1 - R² of a column on the ones before it,
 * so "singular" means one tolerance whatever the units of the columns.
 */
const ALIASED = 1e-10;

export function symmetricInverse(matrix: readonly (readonly number[])[]): number[][] | null {
	const p = matrix.length;
	const scale = matrix.map((row, i) => Math.sqrt(row[i]));
	if (!scale.every((s) => s > 0 && Number.isFinite(s))) return null;
	const lower = cholesky(matrix.map((row, i) => row.map((v, j) => v / (scale[i] * scale[j]))));
	if (!lower) return null;
	const lowerInverse = invertLowerTriangular(lower);
	const inverse: number[][] = [];
	for (let i = 0; i < p; i++) {
		inverse.push([]);
		for (let j = 0; j < p; j++) {
			// (L L')⁻¹ = L⁻ᵀ L⁻¹, then undo the scaling.
			let sum = 0;
			for (let k = Math.max(i, j); k < p; k++) sum += lowerInverse[k][i] * lowerInverse[k][j];
			inverse[i].push(sum / (scale[i] * scale[j]));
		}
	}
	return inverse;
}

/** Product of a matrix and a vector. */
export function multiply(matrix: readonly (readonly number[])[], vector: readonly number[]): number[] {
	return matrix.map((row) => row.reduce((sum, v, j) => sum + v * vector[j], 0));
}

function cholesky(a: number[][]): number[][] | null {
	const p = a.length;
	const l = a.map(() => new Array<number>(p).fill(0));
	for (let j = 0; j < p; j++) {
		let pivot = a[j][j];
		for (let k = 0; k < j; k++) pivot -= l[j][k] ** 2;
		if (!(pivot > ALIASED)) return null;
		l[j][j] = Math.sqrt(pivot);
		for (let i = j + 1; i < p; i++) {
			let sum = a[i][j];
			for (let k = 0; k < j; k++) sum -= l[i][k] * l[j][k];
			l[i][j] = sum / l[j][j];
		}
	}
	return l;
}

function invertLowerTriangular(l: number[][]): number[][] {
	const p = l.length;
	const inverse = l.map(() => new Array<number>(p).fill(0));
	for (let j = 0; j < p; j++) {
		inverse[j][j] = 1 / l[j][j];
		for (let i = j + 1; i < p; i++) {
			let sum = 0;
			for (let k = j; k < i; k++) sum -= l[i][k] * inverse[k][j];
			inverse[i][j] = sum / l[i][i];
		}
	}
	return inverse;
}
