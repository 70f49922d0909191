/** Offers text or bytes as a file download made in the page (a blob URL): nothing is sent anywhere. */
export function downloadFile(name: string, content: string | Uint8Array, type: string): void {
	const blob = new Blob([content as BlobPart], { type });
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 0);
}
