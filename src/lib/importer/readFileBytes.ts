/** Reads a chosen file in chunks, telling how many bytes are in so far (for the progress bar). */
export async function readFileBytes(file: Blob, onProgress: (bytes: number) => void): Promise<Uint8Array> {
	const bytes = new Uint8Array(file.size);
	const reader = file.stream().getReader();
	let offset = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		bytes.set(value, offset);
		offset += value.length;
		onProgress(offset);
	}
	return offset === bytes.length ? bytes : bytes.subarray(0, offset);
}
