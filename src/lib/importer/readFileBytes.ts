/**
 * Reads a chosen file in chunks, telling how many bytes and line breaks are in so far, so the progress bar can say
 * how many rows have been read (a line break inside a quoted field counts too, so it is "about").
 */
export async function readFileBytes(file: Blob, onProgress: (bytes: number, lines: number) => void): Promise<Uint8Array> {
	const bytes = new Uint8Array(file.size);
	const reader = file.stream().getReader();
	let offset = 0;
	let lines = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		bytes.set(value, offset);
		offset += value.length;
		for (let i = value.indexOf(10); i !== -1; i = value.indexOf(10, i + 1)) lines++;
		onProgress(offset, lines);
	}
	return offset === bytes.length ? bytes : bytes.subarray(0, offset);
}
