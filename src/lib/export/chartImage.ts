const SVG_NS = 'http://www.w3.org/2000/svg';

/** Presentation properties copied from the page's computed styles, so the file needs no page CSS. */
const INLINED = [
	'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-linecap',
	'stroke-linejoin', 'opacity', 'color', 'font-family', 'font-size', 'font-weight', 'font-style', 'font-variant',
	'text-anchor', 'paint-order'
] as const;

/** What a chart file says besides the drawing: the chart's title and the figure's subtitle. */
export interface ChartImageText {
	title: string;
	subtitle: string;
}

/**
 * The chart as a standalone SVG document: an XML declaration, the title as <title>, the subtitle as <desc>, every
 * element's computed presentation styles inlined (CSS variables and currentColor resolved), on a white background.
 * It holds only what the page draws, so nothing hidden by suppression can be in it.
 */
export function standaloneSvg(svg: SVGSVGElement, text: ChartImageText): string {
	const copy = svg.cloneNode(true) as SVGSVGElement;
	const originals = [svg, ...svg.querySelectorAll('*')];
	const copies = [copy, ...copy.querySelectorAll('*')];
	originals.forEach((original, i) => {
		const computed = getComputedStyle(original);
		const style = (copies[i] as SVGElement).style;
		for (const property of INLINED) {
			const value = computed.getPropertyValue(property);
			if (value) style.setProperty(property, value);
		}
	});
	copy.removeAttribute('aria-hidden');
	copy.removeAttribute('class');
	copy.querySelectorAll('style').forEach((element) => element.remove());
	// XMLSerializer writes the SVG namespace itself; a plain xmlns attribute as well would be a duplicate.
	if (!copy.hasAttribute('xmlns')) copy.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns', SVG_NS);
	copy.setAttribute('role', 'img');
	const { width, height } = size(svg);
	copy.setAttribute('width', String(width));
	copy.setAttribute('height', String(height));
	copy.style.setProperty('background', 'white');

	const background = document.createElementNS(SVG_NS, 'rect');
	background.setAttribute('width', '100%');
	background.setAttribute('height', '100%');
	background.setAttribute('fill', 'white');
	const title = document.createElementNS(SVG_NS, 'title');
	title.textContent = text.title;
	const desc = document.createElementNS(SVG_NS, 'desc');
	desc.textContent = text.subtitle;
	copy.prepend(title, desc, background);
	return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}

/** The chart's drawn size in CSS pixels, from its viewBox or its width and height attributes. */
function size(svg: SVGSVGElement): { width: number; height: number } {
	const box = (svg.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
	if (box.length === 4 && box[2] > 0 && box[3] > 0) return { width: box[2], height: box[3] };
	return { width: Number(svg.getAttribute('width')) || svg.clientWidth, height: Number(svg.getAttribute('height')) || svg.clientHeight };
}

/** The standalone SVG drawn on a canvas at `scale` (2 by default) as PNG bytes; no request leaves the page. */
export async function svgToPng(svgText: string, svg: SVGSVGElement, scale = 2): Promise<Uint8Array> {
	const { width, height } = size(svg);
	const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
	try {
		const image = new Image();
		image.src = url;
		await image.decode();
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(width * scale);
		canvas.height = Math.round(height * scale);
		const context = canvas.getContext('2d');
		if (!context) throw new Error('this browser cannot draw on a canvas');
		context.fillStyle = 'white';
		context.fillRect(0, 0, canvas.width, canvas.height);
		context.drawImage(image, 0, 0, canvas.width, canvas.height);
		const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
		if (!blob) throw new Error('the chart could not be turned into a PNG');
		return new Uint8Array(await blob.arrayBuffer());
	} finally {
		URL.revokeObjectURL(url);
	}
}
