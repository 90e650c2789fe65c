import { Input } from 'antd';
import type { SearchProps } from 'antd/es/input';
import { useEffect, useRef, useState } from 'react';

interface ListSearchProps extends Omit<SearchProps, 'value' | 'onChange' | 'onSearch'> {
  /** The list's search as it stands in the URL. */
  q: string | undefined;
  /** A new search (trimmed; undefined for none): the list puts it in the URL. */
  onSearch: (q: string | undefined) => void;
}

/**
 * The search box of a list whose filters live in the URL: typing stays in the box until Enter
 * (or the button), clearing with ✕ shows everything again at once, and the box follows the URL
 * when something else changes it (Back, a link, a reset, a saved record searched for).
 */
export function ListSearch({ q, onSearch, ...props }: ListSearchProps) {
  const [text, setText] = useState(q ?? '');
  // The search this box asked for. The URL catches up a moment later; by then the person may
  // be typing the next one, which must not be overwritten by the echo of their own request.
  const asked = useRef(q);
  useEffect(() => {
    if (q !== asked.current) setText(q ?? '');
    asked.current = q;
  }, [q]);
  const search = (next: string | undefined) => {
    asked.current = next;
    onSearch(next);
  };
  return (
    <Input.Search
      allowClear
      enterButton
      {...props}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        if (e.target.value === '' && q) search(undefined);
      }}
      onSearch={(value) => search(value.trim() || undefined)}
    />
  );
}
