import { Input } from 'antd';
import type { SearchProps } from 'antd/es/input';
import { useEffect, useState } from 'react';

interface ListSearchProps extends Omit<SearchProps, 'value' | 'onChange' | 'onSearch'> {
  /** The list's search as it stands in the URL. */
  q: string | undefined;
  /** A new search (trimmed; undefined for none): the list puts it in the URL. */
  onSearch: (q: string | undefined) => void;
}

/**
 * The search box of a list whose filters live in the URL: typing stays in the box until Enter
 * (or the button), clearing with ✕ shows everything again at once, and the box follows the URL
 * when it changes under it (Back, a link, a reset).
 */
export function ListSearch({ q, onSearch, ...props }: ListSearchProps) {
  const [text, setText] = useState(q ?? '');
  useEffect(() => setText(q ?? ''), [q]);
  return (
    <Input.Search
      allowClear
      enterButton
      {...props}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        if (e.target.value === '' && q) onSearch(undefined);
      }}
      onSearch={(value) => onSearch(value.trim() || undefined)}
    />
  );
}
