import { describe, expect, it } from "vitest";
import { transformTemplates } from "../../../build/templates.ts";

const known = new Set(["harbour-lights", "tide-clock"]);
const links = {
  resolve(target: string) {
    const name = target
      .replace(/#.*/, "")
      .replace(/^.*\//, "")
      .replace(/\.(md|markdown)$/, "")
      .replace(/^\d{4}-\d{2}-\d{2}-/, "");
    const anchor = target.includes("#") ? target.slice(target.indexOf("#")) : "";
    return { url: `/articles/${name}${anchor}`, found: known.has(name), name };
  },
};
const run = (body: string) => transformTemplates(body, 1, links);

describe("Liquid tags", () => {
  it("keeps what {% raw %} holds literally, and does not list it", () => {
    const out = run("Write {% raw %}{{ page.title }} and {% if x %}{% endraw %} in a layout.");
    expect(out.markdown).toBe("Write {{ page.title }} and {% if x %} in a layout.");
    expect(out.unsupported).toEqual([]);
  });

  it("turns {% highlight %} into a fenced code block in that language", () => {
    const out = run("Before\n{% highlight ruby linenos %}\nputs 1\n{% endhighlight %}\nAfter");
    expect(out.markdown).toBe("Before\n\n```ruby\nputs 1\n```\n\nAfter");
  });

  it("uses a longer fence when the code holds one", () => {
    const out = run("{% highlight md %}\n```js\nx\n```\n{% endhighlight %}");
    expect(out.markdown).toContain("````md\n```js\nx\n```\n````");
  });

  it("turns {% post_url %} and {% link %} into the article's address", () => {
    const out = run(
      "[a]({% post_url 2014-12-17-harbour-lights %}) [b]({% link _posts/2020-01-01-tide-clock.markdown %})",
    );
    expect(out.markdown).toBe("[a](/articles/harbour-lights) [b](/articles/tide-clock)");
    expect(out.missing).toEqual([]);
  });

  it("lists a link to an article not in the edition, with its line", () => {
    const out = run("One\nTwo [x]({% post_url 2012-01-01-gone %})");
    expect(out.missing).toEqual([
      { line: 2, tag: "{% post_url 2012-01-01-gone %}", target: "gone" },
    ]);
  });

  it("keeps every other tag as text and lists it by line", () => {
    const out = transformTemplates(
      "Intro\n\n{% for p in site.posts %}\n- {{ p.title }}\n{% endfor %}",
      6,
      links,
    );
    expect(out.markdown).toBe("Intro\n\n{% for p in site.posts %}\n- {{ p.title }}\n{% endfor %}");
    expect(out.unsupported).toEqual([
      { line: 8, tag: "{% for p in site.posts %}" },
      { line: 9, tag: "{{ p.title }}" },
      { line: 10, tag: "{% endfor %}" },
    ]);
  });
});

describe("Hugo shortcodes", () => {
  it("turns figure into a figure around a Markdown image, with its caption", () => {
    const out = run('{{< figure src="cap.png" alt="A cap" caption="Left <behind>" >}}');
    expect(out.markdown).toBe(
      "\n<figure>\n\n![A cap](<cap.png>)\n\n<figcaption>Left &lt;behind&gt;</figcaption>\n</figure>\n",
    );
  });

  it("turns ref and relref into article addresses, anchors kept", () => {
    const out = run(
      '[a]({{< ref "tide-clock" >}}) [b]({{< relref "/posts/harbour-lights.md#top" >}})',
    );
    expect(out.markdown).toBe("[a](/articles/tide-clock) [b](/articles/harbour-lights#top)");
  });

  it("turns youtube and vimeo into a plain link to the video", () => {
    expect(run("{{< youtube abc123XYZ >}}").markdown).toBe(
      "[Watch the video on YouTube](https://www.youtube.com/watch?v=abc123XYZ)",
    );
    expect(run('{{< vimeo id="42" >}}').markdown).toBe(
      "[Watch the video on Vimeo](https://vimeo.com/42)",
    );
  });

  it("writes an escaped shortcode as the shortcode's text", () => {
    const out = run('Hugo writes {{</* figure src="x.png" */>}} to show one.');
    expect(out.markdown).toBe('Hugo writes {{< figure src="x.png" >}} to show one.');
    expect(out.unsupported).toEqual([]);
  });

  it("keeps an unknown shortcode as text and lists it, and the tags inside a paired one", () => {
    const out = run(
      '{{< tweet user="x" id="1" >}}\n{{% notice %}}\nSee {{ .Site.Title }}\n{{% /notice %}}',
    );
    expect(out.markdown).toBe(
      '{{< tweet user="x" id="1" >}}\n{{% notice %}}\nSee {{ .Site.Title }}\n{{% /notice %}}',
    );
    expect(out.unsupported.map((u) => u.line)).toEqual([1, 2, 3]);
  });
});

describe("Hugo's highlight shortcode", () => {
  it("becomes a fenced code block in its language", () => {
    const out = run("{{< highlight go >}}\nfmt.Println(1)\n{{< /highlight >}}");
    expect(out.markdown).toBe("\n```go\nfmt.Println(1)\n```\n");
    expect(out.unsupported).toEqual([]);
  });
});
